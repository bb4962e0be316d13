'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** The admin sub-navigation; the current section is marked for screen readers too. */
export function AdminNav({ items, label }: { items: Array<{ href: string; label: string }>; label: string }) {
  const path = usePathname();
  const current = items.filter((i) => path === i.href || path.startsWith(`${i.href}/`)).sort((a, b) => b.href.length - a.href.length)[0];
  return (
    <nav className="admin-nav" aria-label={label}>
      {items.map((i) => (
        <Link key={i.href} href={i.href} aria-current={current?.href === i.href ? 'page' : undefined}>
          {i.label}
        </Link>
      ))}
    </nav>
  );
}
