import type { ReactNode } from 'react';
import '../../mailbox/mailbox.css';

export default function MailboxDeskLayout({ children }: { children: ReactNode }) {
  return children;
}
