import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { getTranslator } from '@/lib/i18n/server';
import { ServiceWorkerRegistration } from './_components/sw-register';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return {
    title: { default: `${t('app.name')} · ${t('app.tagline')}`, template: `%s · ${t('app.name')}` },
    description: t('app.tagline'),
    manifest: '/manifest.webmanifest',
    icons: { icon: '/icons/icon-192.png', apple: '/icons/apple-touch-icon.png' },
    appleWebApp: { capable: true, title: t('app.name') },
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#6b1f6e' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale } = await getTranslator();
  return (
    <html lang={locale === 'zh' ? 'zh-CN' : 'en'}>
      <body>
        {children}
        <ServiceWorkerRegistration />
      </body>
    </html>
  );
}
