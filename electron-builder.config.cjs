// Installer configuration for `npm run dist:win` / `npm run dist:mac` (build/README.md explains the
// release steps, signing and how admins deploy). CommonJS because package.json is "type": "module"
// and electron-builder loads its config with require(). No secret lives here: signing and
// notarization read their credentials from the environment of the machine that builds.
const env = process.env

/** Azure Trusted Signing, when the builder has it; otherwise CSC_LINK/CSC_KEY_PASSWORD (a .pfx) apply. */
const azureSignOptions = env.GUICHET_AZURE_SIGNING_ENDPOINT
  ? {
      azureSignOptions: {
        endpoint: env.GUICHET_AZURE_SIGNING_ENDPOINT,
        codeSigningAccountName: env.GUICHET_AZURE_SIGNING_ACCOUNT,
        certificateProfileName: env.GUICHET_AZURE_SIGNING_PROFILE,
        publisherName: env.GUICHET_AZURE_SIGNING_PUBLISHER,
      },
    }
  : {}

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'fr.guichet.desk',
  productName: 'Guichet',
  copyright: 'Guichet',
  directories: { output: 'dist', buildResources: 'build' },
  // The bundles and the manifest; electron-builder adds the production node_modules itself
  // (better-sqlite3, keytar, sharp and sharp's @img/* platform packages), less what only a native
  // build reads: C sources, headers, object files (better-sqlite3 alone carries 20 MB of them).
  files: [
    'out/**',
    'package.json',
    '!**/node_modules/better-sqlite3/{deps,src}/**',
    '!**/node_modules/*/build/{deps,Release/obj,Release/obj.target,Release/.deps}/**',
    '!**/node_modules/*/build/Release/*.{a,lib,pdb,exp,ilk}',
    '!**/node_modules/better-sqlite3/build/Release/test_extension.node',
    '!**/node_modules/node-addon-api/**',
  ],
  asar: true,
  // Native code cannot be dlopen()ed from inside an archive: the .node files, and sharp's libvips
  // shared library that its .node file links against by a relative rpath.
  // tesseract.js starts its OCR worker thread from a script file and loads its wasm core from disk.
  asarUnpack: [
    '**/*.node',
    'node_modules/@img/**',
    'node_modules/tesseract.js/**',
    'node_modules/tesseract.js-core/**',
  ],
  // Runtime assets (reference lists, OCR data) read at process.resourcesPath/resources.
  // The OCR's English traineddata goes beside them in ocr/ (electron/core/ocr/lang-path.ts), so the
  // installed desk reads passports offline and never fetches a model.
  extraResources: [
    { from: 'resources', to: 'resources' },
    { from: 'node_modules/@tesseract.js-data/eng/4.0.0', to: 'ocr', filter: ['eng.traineddata.gz'] },
  ],
  // Admin machines build the installers: better-sqlite3 is rebuilt for Electron's ABI there.
  // keytar and sharp are N-API and load in any runtime as they are.
  npmRebuild: true,
  // A release build refuses to produce an unsigned installer.
  forceCodeSigning: env.GUICHET_RELEASE === '1',
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  },
  win: {
    target: [{ target: 'nsis', arch: ['x64', 'arm64'] }],
    ...azureSignOptions,
  },
  nsis: {
    oneClick: false,
    // Welcome-desk PCs are shared: install for all users unless the person installing chooses
    // otherwise, or always for all users when the build sets GUICHET_NSIS_PER_MACHINE=1.
    perMachine: env.GUICHET_NSIS_PER_MACHINE === '1',
    selectPerMachineByDefault: true,
    allowElevation: true,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    // The queue of registrations not yet sent lives in the user data: never delete it on uninstall.
    deleteAppDataOnUninstall: false,
    // /PROVISION=desk.json: drops the provisioning file where the app reads it at first start.
    include: 'build/installer.nsh',
  },
  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    category: 'public.app-category.education',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    // Notarizes when the environment holds APPLE_API_KEY + APPLE_API_KEY_ID + APPLE_API_ISSUER
    // (preferred), or APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID; skipped with a warning otherwise.
    notarize: true,
  },
  dmg: { title: 'Guichet ${version}' },
  linux: { target: ['dir'], category: 'Education' },
}
