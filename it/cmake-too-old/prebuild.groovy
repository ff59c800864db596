def Faults = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/Faults.groovy'))

def records = new File(basedir, 'target/records')
records.mkdirs()
// Ubuntu 18.04's cmake, as far as `cmake --version` goes; it refuses to do anything else.
Faults.script(new File(basedir, 'target/old-cmake/cmake'), """#!/bin/sh
printf '%s\\n' "\$*" >> '${records}/cmake.calls'
if [ "\$1" = "--version" ]; then
  printf 'cmake version 3.10.2\\n\\nCMake suite maintained and supported by Kitware (kitware.com/cmake).\\n'
  exit 0
fi
echo 'stand-in cmake 3.10.2 must never be asked to configure or build' >&2
exit 1
""")
new File(basedir, 'target/windows').mkdirs()
new File(basedir, 'target/windows/KEEP.txt').text = 'the plugin must not delete this\n'
Faults.save(basedir)
return true
