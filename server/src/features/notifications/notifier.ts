/**
 * Where reminders and codes go beyond the app. In-app notifications are rows in `notifications`,
 * written by the scheduler whatever the notifier; a Notifier carries them further. SMS or WeChat
 * senders implement this interface and are set at start-up (setNotifier); the default sends
 * nothing outside the app, so a household confirmation code goes nowhere until one is set up.
 */
export interface OutgoingNotice {
  userId: string;
  kind: string;
  text: string;
}

export interface Notifier {
  /** After a notification row is written: push it (SMS, WeChat template message …). */
  notify(notice: OutgoingNotice): Promise<void>;
  /** A text to a phone that has no account (a household's confirmation code); false when it cannot send. */
  sendText(phone: string, text: string): Promise<boolean>;
}

export const inAppOnly: Notifier = {
  notify: async () => undefined,
  sendText: async () => false,
};

let current: Notifier = inAppOnly;

export const notifier = (): Notifier => current;

/** Set at start-up (or in a test); answers the previous one so a test can put it back. */
export function setNotifier(n: Notifier): Notifier {
  const before = current;
  current = n;
  return before;
}
