import pino from 'pino';

/**
 * Structured JSON logs. Never log personal data: no emails, names, passwords,
 * tokens or record content. Log ids, codes and timings.
 */
export function createLogger(level: string): pino.Logger {
  return pino({
    level,
    base: { service: 'holdspace-api' },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        '*.password',
        '*.token',
        '*.email',
      ],
      censor: '[redacted]',
    },
  });
}
export type Logger = pino.Logger;
