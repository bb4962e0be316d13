/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files relative to its own module URL; bundled, that URL breaks.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'bcryptjs', 'pg-boss', 'nodemailer', 'web-push'],
  poweredByHeader: false,
  // `npm run typecheck` (a step of `npm test`) checks every file; the build checking them again
  // would cost a minute of both cores on every first start and every test run.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  experimental: {
    // forbidden() for the admin pages' 403.
    authInterrupts: true,
    // proxy.ts runs on API routes too (security headers, malformed-path refusal), and Next cuts a
    // proxied body at 10 MB by default: uploads then fail as "malformed" below UPLOAD_MAX_BYTES.
    // The upload route enforces UPLOAD_MAX_BYTES itself; this only has to stay above it.
    proxyClientMaxBodySize: '64mb',
  },
};

module.exports = nextConfig;
