'use client';

import { signIn } from 'next-auth/react';

export interface SsoButton {
  id: 'oidc' | 'cas' | 'wecom';
  label: string;
  /** CAS and WeChat Work start with a plain redirect; OIDC goes through next-auth's sign-in. */
  href?: string;
}

/** The single sign-on buttons of the configured providers. */
export function SsoButtons({ buttons, callbackUrl }: { buttons: SsoButton[]; callbackUrl: string }) {
  return (
    <div className="sso-buttons" style={{ display: 'grid', gap: 8 }}>
      {buttons.map((b) =>
        b.href ? (
          <a key={b.id} className="btn secondary block" href={b.href} data-sso={b.id}>
            {b.label}
          </a>
        ) : (
          <button key={b.id} type="button" className="btn secondary block" data-sso={b.id} onClick={() => void signIn(b.id, { callbackUrl })}>
            {b.label}
          </button>
        ),
      )}
    </div>
  );
}
