// The domain calls that need the domain XML parser, served by groups loaded on first call
// (families.ts): `list` and the other lookups then never load the parser's many modules.

export const DEFINE_CALLS = ['domainDefineXML', 'domainCreateXML', 'domainUndefine', 'domainRename'] as const;

export const SAVE_CALLS = [
  'domainSave',
  'domainRestore',
  'domainSaveImageGetXMLDesc',
  'domainSaveImageDefineXML',
  'domainManagedSave',
  'domainHasManagedSaveImage',
  'domainManagedSaveRemove',
  'domainCoreDumpWithFormat',
] as const;
