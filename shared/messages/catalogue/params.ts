/**
 * The compile-time checks of the catalogue. A message's parameters are the `{name}`s of its Indonesian
 * text (the source of keys), extracted by a template-literal type, so a call that names a parameter the
 * text lacks, or leaves one out, fails the typecheck, and an English text that drops one fails too.
 */

/** The `{name}` parameters of a text: 'Hasil versi {n} ({count} inovasi)' → 'n' | 'count'. */
export type Params<Text extends string> = Text extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Params<Rest>
  : never;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;

/** A text that holds every one of the parameters `Name` (any text when there are none). */
type Holding<Name extends string> = [Name] extends [never]
  ? string
  : UnionToIntersection<Name extends string ? `${string}{${Name}}${string}` : never>;

/** The English table of an Indonesian one: the same keys, none missing, none extra, and the same parameters. */
export type English<Indonesian extends Record<string, string>> = {
  readonly [Key in keyof Indonesian]: Holding<Params<Indonesian[Key]>>;
};

/** What a message is rendered with: nothing when its text has no parameter, else each one, by name. */
export type ArgsOf<Text extends string> = [Params<Text>] extends [never]
  ? []
  : [args: Readonly<Record<Params<Text>, string | number>>];
