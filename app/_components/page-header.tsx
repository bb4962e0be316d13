import Link from 'next/link';

/**
 * The top of a page listing what an office sent (通知, 周转房缴费通知 …): its title, a line on
 * what it holds, and the button that sends another.
 */
export function PageHeader({ title, intro, action }: { title: string; intro?: string; action?: { href: string; label: string } }) {
  return (
    <>
      <h1>{title}</h1>
      {intro ? <p className="muted">{intro}</p> : null}
      {action ? (
        <p>
          <Link className="btn" href={action.href}>
            {action.label}
          </Link>
        </p>
      ) : null}
    </>
  );
}
