// A namespace of page texts: each key with its Chinese (the default) and English text.
import type { Bilingual } from "../locale";

export type Messages = Record<string, Bilingual>;
