import { type Bilingual, fill, type Lang } from '../../domain/i18n.ts';
import { EN } from './en.ts';
import { ID, type MessageKey } from './id.ts';
import type { ArgsOf } from './params.ts';

export type { MessageKey };

/** The parameters message `Key` is rendered with, checked against its Indonesian text. */
export type MessageArgs<Key extends MessageKey> = ArgsOf<(typeof ID)[Key]>;

const CATALOGUE: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { id: ID, en: EN };

/**
 * THE way a catalogued word is written: message `key` in `lang`, its `{name}` parameters filled in
 * (an unfilled one stays visible rather than vanishing).
 */
export function t<Key extends MessageKey>(lang: Lang, key: Key, ...args: MessageArgs<Key>): string {
  return fill(CATALOGUE[lang][key], args[0]);
}

/** Message `key` in both languages, for an AppError's text (the reader's language is chosen later). */
export function bilingual<Key extends MessageKey>(key: Key, ...args: MessageArgs<Key>): Bilingual {
  return { id: t('id', key, ...args), en: t('en', key, ...args) };
}
