/**
 * The benchmarks measure the server as deployed (the Dockerfile and docker-compose set
 * NODE_ENV=production): imported first by run.ts, before anything loads graphql-js, which
 * reads NODE_ENV once when it loads (outside production it checks every type it resolves
 * against duplicate module copies, which costs about 100 ms on a 1.6 MB answer). The app
 * role's password defaults to the development one, as the bench's own database uses it.
 * Either can still be set from outside.
 */
process.env.NODE_ENV ||= 'production';
process.env.APP_DB_PASSWORD ||= 'holdspace_app_dev';

export {};
