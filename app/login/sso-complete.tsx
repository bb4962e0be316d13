'use client';

import { signIn } from 'next-auth/react';
import { useEffect, useRef, useState } from 'react';

/** Finishes a CAS or WeChat Work login: hands the one-time proof to next-auth, then moves on. */
export function SsoComplete({
  provider,
  proof,
  callbackUrl,
  labels,
}: {
  provider: 'cas' | 'wecom';
  proof: Record<string, string>;
  callbackUrl: string;
  labels: { signingIn: string; failed: string; back: string };
}) {
  const [failed, setFailed] = useState(false);
  const started = useRef(false);
  useEffect(() => {
    // A proof is single use: React's development double effect must not spend it twice.
    if (started.current) return;
    started.current = true;
    void signIn(provider, { ...proof, callbackUrl, redirect: false })
      .then((result) => {
        if (result?.ok && !result.error) window.location.replace(callbackUrl);
        else setFailed(true);
      })
      .catch(() => setFailed(true));
  }, [provider, proof, callbackUrl]);
  return failed ? (
    <>
      <div className="alert error" role="alert">
        {labels.failed}
      </div>
      <a className="btn block" href="/login">
        {labels.back}
      </a>
    </>
  ) : (
    <p role="status">{labels.signingIn}</p>
  );
}
