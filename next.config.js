/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files relative to its own module URL; bundled, that URL breaks.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'bcryptjs', 'pg-boss', 'nodemailer', 'web-push'],
  poweredByHeader: false,
  typedRoutes: false,
  // 校长信箱 tracking links are capabilities: never sent on as a Referer, never indexed.
  async headers() {
    const capability = [
      { key: 'Referrer-Policy', value: 'no-referrer' },
      { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
    ];
    return [
      { source: '/mailbox/track', headers: capability },
      { source: '/mailbox/track/:path*', headers: capability },
      { source: '/api/v1/mailbox/:path*', headers: capability },
    ];
  },
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
