// jieba's dictionaries, read when needed. '@node-rs/jieba/dict.js' reads both files (11 MB) when imported and
// keeps them for the life of the process, while the segmenter copies its dictionary when it loads and never needs
// the buffer again; only the IDF table (tokenize.ts) keeps its file's bytes.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

export const readJiebaDict = (): Buffer => readFileSync(require.resolve('@node-rs/jieba/dict.txt'))
export const readJiebaIdf = (): Buffer => readFileSync(require.resolve('@node-rs/jieba/idf.txt'))
