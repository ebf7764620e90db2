#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so there is no build step between a checkout and a running bot.
import { register } from 'tsx/esm/api'
register()
const { main } = await import('../src/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
