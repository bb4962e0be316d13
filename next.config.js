/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files relative to its own module URL; bundled, that URL breaks.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'bcryptjs', 'pg-boss', 'nodemailer', 'web-push', 'pdf-lib', '@pdf-lib/fontkit', 'subset-font', 'harfbuzzjs'],
  poweredByHeader: false,
  // `npm run typecheck` (a step of `npm test`) checks every file; the build checking them again
  // would cost a minute of both cores on every first start and every test run.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  // The upload routes skip proxy.ts (which would buffer their bodies): their headers come from here.
  async headers() {
    const base = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Permissions-Policy', value: 'camera=(self), microphone=(), geolocation=()' },
      { key: 'Cache-Control', value: 'no-store' },
    ];
    return [
      { source: '/api/v1/uploads', headers: [...base, { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' }] },
      {
        source: '/api/v1/mailbox/attachments',
        headers: [...base, { key: 'Referrer-Policy', value: 'no-referrer' }, { key: 'X-Robots-Tag', value: 'noindex, nofollow' }],
      },
    ];
  },
  experimental: {
    // forbidden() for the admin pages' 403.
    authInterrupts: true,
    // proxy.ts runs on API routes too (security headers, malformed-path refusal), and Next cuts a
    // proxied body at 10 MB by default: uploads then fail as "malformed" below UPLOAD_MAX_BYTES.
    // The upload route enforces UPLOAD_MAX_BYTES itself; this only has to stay above it.
    proxyClientMaxBodySize: '64mb',
    // NEXT_PROFILE_BUILD=1 next build: readable function names in `node --cpu-prof` profiles
    // (bench/profile-page.ts); never for a build that serves users.
    ...(process.env.NEXT_PROFILE_BUILD === '1' ? { turbopackMinify: { server: false, client: true } } : {}),
  },
};

module.exports = nextConfig;
