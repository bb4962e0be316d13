/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files relative to its own module URL; bundled, that URL breaks.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'bcryptjs', 'pg-boss', 'nodemailer', 'web-push'],
  poweredByHeader: false,
  typedRoutes: false,
};

module.exports = nextConfig;
