// Our npm registry mirror serves only this platform's prebuilt binaries, so `npm install` leaves the
// other platforms' optional packages (jieba-darwin-x64, swc-win32…) out of package-lock.json and
// `npm ci` then reports the lock as out of sync. This adds them back as optional entries with the
// os/cpu their names declare — what a lock made against the full registry holds — so `npm ci`
// skips them on platforms they are not for. Run after changing dependencies:
//   node scripts/fix-lock-optional.mjs
import { readFileSync, writeFileSync } from 'node:fs'

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'))
const pkgs = lock.packages
const OS = ['android', 'darwin', 'freebsd', 'linux', 'win32', 'openbsd', 'netbsd', 'sunos', 'aix']
const CPU = { arm64: 'arm64', x64: 'x64', ia32: 'ia32', arm: 'arm', riscv64: 'riscv64', ppc64: 'ppc64', s390x: 's390x', loong64: 'loong64', mips64el: 'mips64el', 'ppc64le': 'ppc64' }

function platformOf(name) {
  const parts = name.split('/').pop().split('-')
  const os = parts.find((p) => OS.includes(p)) ?? (parts.includes('openharmony') ? 'openharmony' : undefined)
  const cpu = parts.map((p) => CPU[p]).find(Boolean) ?? (parts.includes('eabi') || parts.includes('gnueabihf') ? 'arm' : undefined)
  return { os, cpu }
}

let added = 0
for (const [path, meta] of Object.entries(pkgs)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    // Resolve like node: nested first, then hoisted.
    const nested = `${path ? `${path}/` : ''}node_modules/${dep}`
    if (pkgs[nested] || pkgs[`node_modules/${dep}`]) continue
    const { os, cpu } = platformOf(dep)
    pkgs[`node_modules/${dep}`] = {
      version: version.replace(/^[\^~=]/, ''),
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(os ? { os: [os] } : {}),
      optional: true,
      ...(meta.dev ? { dev: true } : {}),
    }
    added++
  }
}
lock.packages = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))))
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`)
console.log(`added ${added} optional platform entries`)
