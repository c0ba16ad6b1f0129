import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('has working defaults for a newcomer (embedded database, port 4000)', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeNull();
    expect(config.port).toBe(4000);
    expect(config.embeddedPg.port).not.toBe(5432);
    expect(config.embeddedPg.dataDir).toMatch(/\.data[/\\]postgres$/);
    expect(config.seedDemo).toBe(true);
  });

  it('names every bad variable and what it expects', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        SESSION_IDLE_MINUTES: '0',
        COOKIE_SECURE: 'maybe',
        NODE_ENV: 'staging',
      });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('PORT must be a whole number from 0 to 65535 (got "eighty")');
      expect(problems).toContain('DATABASE_URL must be a postgres:// connection URL');
      expect(problems).toContain('SESSION_IDLE_MINUTES must be a whole number from 1 to 1440');
      expect(problems).toContain('COOKIE_SECURE must be true or false');
      expect(problems).toContain('NODE_ENV must be development, production or test');
    }
  });

  it('demands the app role’s credentials in production and secures cookies there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /APP_DATABASE_URL or APP_DB_PASSWORD/,
    );
    const config = loadConfig({ NODE_ENV: 'production', APP_DB_PASSWORD: 's3cret' });
    expect(config.session.cookieSecure).toBe(true);
    expect(config.seedDemo).toBe(false);
  });
});
