// Two real ARM64 DLLs with clang-cl-22 + lld-link-22: one linked with the hotpatch flags lld accepts, one without.
def dir = new File(basedir, 'fixture')
dir.mkdirs()
def run = { List<String> cmd ->
    def p = new ProcessBuilder(cmd).directory(dir).redirectErrorStream(true).start()
    def out = p.inputStream.text
    assert p.waitFor() == 0 : "${cmd.join(' ')}: ${out}"
}
new File(dir, 'lib.c').text = '''
static int counter;
int *volatile pointers[] = { &counter, 0 };
__declspec(dllexport) int Add(int a, int b) { counter += a; return a + b + *pointers[0]; }
'''
run(['clang-cl-22', '--target=aarch64-pc-windows-msvc', '/nologo', '/c', '/O2', '/Z7', '/GS-', '/Folib.obj', '--', 'lib.c'])
def link = { String name, List<String> flags ->
    run(['lld-link-22', '/nologo', '/dll', '/noentry', '/nodefaultlib', '/debug', '/machine:arm64',
         "/out:${name}.dll".toString(), "/pdb:${name}.pdb".toString(), "/implib:${name}.lib".toString(), 'lib.obj'] + flags)
}
link('hotpatch', ['/hotpatchcompatible', '/profile', '/incremental:no', '/functionpadmin:8', '/map'])
new File(basedir, 'plain').mkdirs()
link('../plain/plain', [])
return true
