// The file:// repository the variants are deployed to, under this IT's target directory (an absolute URL: the
// deploy and the gate run in different directories), and each invocation's user properties: invoker.goals splits
// at commas, so the comma-separated -Dhotpatch.artifacts lists are passed from here.
def remote = new File(basedir, 'target/remote').toPath().toAbsolutePath().normalize()
def url = 'file://' + remote.toString()
def coords = 'io.github.hotpatch.it:fanin-deployed-variants:1'
def write = { String name, Map<String, String> values ->
    def props = new Properties()
    values.each { k, v -> props.setProperty(k, v) }
    new File(basedir, name).withOutputStream { props.store(it, 'written by prebuild.groovy') }
}
// A gate on a fresh CI agent has none of the deployed artifacts locally: remove any earlier run's copies from the IT
// local repository (the plugin's own build directory).
def cached = new File(localRepositoryPath, 'io/github/hotpatch/it/fanin-deployed-variants')
assert !cached.exists() || cached.deleteDir()
// Each gate is the root of its own checkout, as on a CI agent: Maven 4 would otherwise take this IT's directory as the
// root and resolve the artifacts from the deploying build's project-local repository (.mvn/target/project-local-repo).
['gate', 'gate-pom'].each { assert new File(basedir, "${it}/.mvn").with { isDirectory() || mkdirs() } }
// Not installed: the gate must find the artifacts in the remote repository only, as a fresh CI agent does.
write('deploy.properties', ['altDeploymentRepository': 'fanin::' + url, 'maven.install.skip': 'true'])
write('gate.properties', ['fanin.repository.url': url,
                          'hotpatch.artifacts': "${coords}:zip:arm64-schannel,${coords}:zip:arm64-openssl".toString()])
write('missing.properties', ['fanin.repository.url': url,
                             'hotpatch.artifacts': "${coords}:zip:arm64-schannel,${coords}:zip:x64-never-deployed".toString()])
write('module.properties', ['fanin.repository.url': url])
return true
