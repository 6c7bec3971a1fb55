import type { Lang } from '../../../shared/domain/i18n.ts';
import { type MessageArgs, type MessageKey, t } from '../../../shared/messages/catalogue/t.ts';

/** The pages' words are the catalogue's (shared/messages/catalogue/): a key is a message key. */
export type StringKey = MessageKey;

/** The text for `key` in `lang`, with its `{placeholders}` filled in. */
export function say<Key extends MessageKey>(lang: Lang, key: Key, ...args: MessageArgs<Key>): string {
  return t(lang, key, ...args);
}

/** `say` bound to one language, as a page renders it. */
export type Say = <Key extends MessageKey>(key: Key, ...args: MessageArgs<Key>) => string;

export function sayer(lang: Lang): Say {
  return (key, ...args) => t(lang, key, ...args);
}
