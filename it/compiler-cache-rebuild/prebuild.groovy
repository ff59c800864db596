// Fresh cache directories each run (below this IT's own target directory).
['sccache', 'ccache', 'build1', 'build2', 'ccache-check'].each {
    def d = new File(basedir, "target/${it}")
    assert !d.exists() || d.deleteDir()
}
return true
