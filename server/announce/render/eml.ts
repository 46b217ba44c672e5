/**
 * The notice as an RFC 5322 message (`.eml`): plain text, UTF-8, quoted-printable, with headers
 * encoded per RFC 2047. Built with nodemailer's MailComposer, which is well tested at exactly this;
 * the date and Message-ID come from the notice, so the same notice gives the same bytes.
 */
import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Notice } from '../notice.ts';
import { noticeText } from './text.ts';

export interface EmlOptions {
  from: string;
  to: readonly string[];
  date: Date;
}

export const noticeEml = async (n: Notice, o: EmlOptions): Promise<string> => {
  // RFC 5322 lines end in CRLF; the composer folds long ones with quoted-printable soft breaks.
  const text = noticeText(n).replace(/\r?\n/g, '\r\n');
  const id = createHash('sha256')
    .update(`${n.kind}\n${o.date.toISOString()}\n${n.subject}\n${text}\n${o.to.join(',')}`)
    .digest('hex')
    .slice(0, 32);
  const mail = new MailComposer({
    from: o.from,
    to: [...o.to],
    subject: n.subject,
    text,
    date: o.date,
    messageId: `<${id}@understudy.invalid>`,
    textEncoding: 'quoted-printable',
    headers: { 'X-Understudy-Notice': n.kind },
  });
  const message = await mail.compile().build();
  return message.toString('utf8');
};
