// The example's project must stay as it is: remember its bytes.
def project = new File(kernelDriverDir, 'driver/hotdriver.vcxproj')
new File(basedir, 'project-before.txt').text = project.text.md5()

// A copy without the ARM64 hotpatch flags, as msquicpriv.kernel.vcxproj has none.
def text = project.text
assert text.contains('%(AdditionalOptions) $(HotpatchLinkFlagsARM64)')
def priv = new File(basedir, 'priv/hotdriverpriv.vcxproj')
priv.parentFile.mkdirs()
priv.text = text.replace('%(AdditionalOptions) $(HotpatchLinkFlagsARM64)', '%(AdditionalOptions)')
new File(basedir, 'priv-before.txt').text = priv.text.md5()

// MSBuild stand-in: records its arguments, one per line, and succeeds.
def tools = new File(basedir, 'tools')
tools.mkdirs()
def msbuild = new File(tools, 'MSBuild')
def record = new File(tools, 'MSBuild.args')
msbuild.text = "#!/bin/sh\nfor a in \"\$@\"; do printf '%s\\n' \"\$a\" >> '${record}'; done\necho 'Build succeeded.'\n"
msbuild.setExecutable(true)
return true
