import { builtinModules } from 'node:module'
import { dirname, relative, resolve } from 'node:path'

/**
 * DESIGN.md's layer rule as a lint error. An import is resolved against the importing file, so
 * `../stores/x` from src/domain is caught as well as a package name. Each layer lists the layers and
 * the kinds of package it may import; everything else is an error naming the rule.
 */
const root = resolve(import.meta.dirname)

const layers = [
  ['domain', 'src/domain/'],
  ['core', 'electron/core/'],
  ['main', 'electron/main/'],
  ['preload', 'electron/preload/'],
  ['renderer', 'src/'],
]

const allowed = {
  domain: {
    layers: ['domain'],
    forbid: ['electron', 'vue', 'node'],
    why: 'src/domain is pure TypeScript shared by every layer',
  },
  core: {
    layers: ['domain', 'core'],
    forbid: ['electron', 'vue'],
    why: 'electron/core is plain Node that imports src/domain only',
  },
  main: {
    layers: ['domain', 'core', 'main'],
    forbid: ['vue'],
    why: 'electron/main is the Electron shell over the core',
  },
  preload: {
    layers: ['domain', 'preload'],
    forbid: ['vue', 'node'],
    why: 'electron/preload only bridges the contract',
  },
  renderer: {
    layers: ['domain', 'renderer'],
    forbid: ['electron', 'node'],
    why: 'the renderer reaches the desk through window.guichet only',
  },
}

const vuePackages = /^(vue|vue-.*|pinia|@vue\/.*|vee-validate|@vee-validate\/.*)$/
const nodePackages = new Set(['better-sqlite3', 'keytar', 'sharp', 'ws', ...builtinModules])

function layerOf(file) {
  const path = relative(root, file).split('\\').join('/')
  return layers.find(([, prefix]) => path.startsWith(prefix))?.[0]
}

function packageKind(source) {
  const name = source.startsWith('@') ? source.split('/').slice(0, 2).join('/') : source.split('/')[0]
  if (name === 'electron') return 'electron'
  if (vuePackages.test(name) || source.endsWith('.vue')) return 'vue'
  if (source.startsWith('node:') || nodePackages.has(name)) return 'node'
  return undefined
}

export const layersRule = {
  meta: {
    type: 'problem',
    schema: [],
    messages: { layer: '{{what}} may not be imported here: {{why}} (DESIGN.md, Layers).' },
  },
  create(context) {
    const from = layerOf(context.filename)
    if (!from) return {}
    const rule = allowed[from]
    const check = (node) => {
      const source = node.source?.value
      if (typeof source !== 'string') return
      if (source.startsWith('.')) {
        const to = layerOf(resolve(dirname(context.filename), source))
        if (to && to !== from && !rule.layers.includes(to)) {
          context.report({
            node: node.source,
            messageId: 'layer',
            data: { what: `${to} code (${source})`, why: rule.why },
          })
        } else if (!to) {
          context.report({ node: node.source, messageId: 'layer', data: { what: source, why: rule.why } })
        }
        return
      }
      const kind = source.endsWith('.vue') ? 'vue' : packageKind(source)
      if (kind && rule.forbid.includes(kind)) {
        context.report({
          node: node.source,
          messageId: 'layer',
          data: { what: `'${source}'`, why: rule.why },
        })
      }
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    }
  },
}
