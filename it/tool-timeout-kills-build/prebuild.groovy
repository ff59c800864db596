def Faults = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../it/lib/Faults.groovy'))

def records = new File(basedir, 'target/records')
records.mkdirs()
def realCmake = Faults.onPath('cmake')
// Configure goes to the real cmake; --build starts a 60 s sleeper (its pid recorded) and waits for it.
Faults.script(new File(basedir, 'target/hanging-cmake/cmake'), """#!/bin/sh
if [ "\$1" = "--build" ]; then
  echo "stand-in: building \$2, this takes 60 s"
  sleep 60 &
  echo \$! > '${records}/sleeper.pid'
  wait
  echo 'stand-in: the sleeper finished: nobody killed it'
  exit 0
fi
exec '${realCmake}' "\$@"
""")
new File(basedir, 'target/windows').mkdirs()
new File(basedir, 'target/windows/KEEP.txt').text = 'the plugin must not delete this\n'
Faults.save(basedir)
return true
