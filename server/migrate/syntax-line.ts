/**
 * Where a migration file's syntax error is. Node 20 reports ESM syntax errors without a line, and
 * esbuild (under tsx) puts it in a multi-line message; the TypeScript parser (a dependency already)
 * finds it the same way for .ts, .js and .mjs. Loaded only when a file failed to import.
 */
export const syntaxError = async (file: string, source: string): Promise<{ line: number; message: string } | undefined> => {
  try {
    const ts = (await import('typescript')).default;
    const out = ts.transpileModule(source, { fileName: file, reportDiagnostics: true, compilerOptions: { allowJs: true } });
    const d = out.diagnostics?.find((x) => x.start !== undefined && x.file);
    if (!d || d.start === undefined || !d.file) return undefined;
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    return { line: line + 1, message: ts.flattenDiagnosticMessageText(d.messageText, ' ') };
  } catch {
    return undefined;
  }
};
