# Shared by bench/run-peer.sh and bench/run-peer-noop.sh: the workloads and the peer plugin's project. Sourced after
# lib.sh, not run.
#
# WORKLOAD=compile-bound (default): bench/gen-compile-bound.py's project, UNITS (240) translation units x FUNCS (20)
#   functions, target msquic, built in the quickstart's two variants (arm64_schannel, arm64_openssl).
# WORKLOAD=quickstart: examples/quickstart as it is.
#
# The peer: cmake-maven-plugin (io.github.cmake-maven-plugin:cmake-maven-plugin:$CMP_VERSION, Maven Central), in a
# generated pom ($B/cmp-pom.xml): per variant one `generate` execution (process-sources; Ninja Multi-Config, the same
# toolchain file, project include and QUIC_TLS_LIB the plugin passes, as -D options) and one `compile` execution
# (compile; config Release, target msquic), downloadBinaries=false, cmakeDir=/usr/bin. Maven runs them one after the
# other: generate both, then compile both. It needs Maven >= 3.9.9 (./mvnw is 3.9.16).

WORKLOAD="${WORKLOAD:-compile-bound}"
UNITS="${UNITS:-240}"
FUNCS="${FUNCS:-20}"
CMP="io.github.cmake-maven-plugin:cmake-maven-plugin"
CMP_VERSION="${CMP_VERSION:-4.0.3-b1}"

# peer_setup: sets SRC and POM (the wrapper pom the plugin's goals run in) for $WORKLOAD, under $B.
peer_setup() {
  case "$WORKLOAD" in
    compile-bound)
      SRC="$OUT/compile-bound-src/$UNITS-$FUNCS"
      log "generating $UNITS units x $FUNCS functions into $SRC"
      python3 "$BENCH_DIR/gen-compile-bound.py" "$SRC" "$UNITS" "$FUNCS"
      POM="$B/wrapper-pom.xml"
      cat >"$POM" <<POMEOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>compile-bound</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
</project>
POMEOF
      ;;
    quickstart)
      SRC="$QUICKSTART_SRC"
      POM="$QUICKSTART_POM"
      ;;
    *) die "WORKLOAD must be compile-bound or quickstart, not $WORKLOAD" ;;
  esac
}

# peer_template DIR: one plugin configure into DIR (not measured), for the toolchain and project-include files the
# raw commands and the peer plugin are given.
peer_template() {
  mvn_bench -f "$POM" "$PLUGIN:configure" "-Dhotpatch.sourceDirectory=$SRC" "-Dhotpatch.buildDirectory=$1" \
    >"$B/logs/template.log" 2>&1 || die "template configure failed, see $B/logs/template.log"
}

# peer_pom TEMPLATE: writes $B/cmp-pom.xml; its build directories are \${bench.dir}/<variant>.
peer_pom() {
  local template="$1" i gens="" comps=""
  for i in "${!VARIANT_NAMES[@]}"; do
    local v="${VARIANT_NAMES[$i]}"
    gens="$gens
          <execution>
            <id>generate-$v</id>
            <goals><goal>generate</goal></goals>
            <configuration>
              <sourcePath>$SRC</sourcePath>
              <projectDirectory>\${bench.dir}/$v</projectDirectory>
              <generator>Ninja Multi-Config</generator>
              <options>
                <option>-DCMAKE_TOOLCHAIN_FILE:FILEPATH=$template/$v/hotpatch-toolchain.cmake</option>
                <option>-DCMAKE_PROJECT_INCLUDE:FILEPATH=$template/$v/hotpatch-project-include.cmake</option>
                <option>-DQUIC_TLS_LIB=${VARIANT_TLS[$i]}</option>
              </options>
            </configuration>
          </execution>"
    comps="$comps
          <execution>
            <id>compile-$v</id>
            <goals><goal>compile</goal></goals>
            <configuration>
              <projectDirectory>\${bench.dir}/$v</projectDirectory>
              <config>Release</config>
              <target>msquic</target>
            </configuration>
          </execution>"
  done
  cat >"$B/cmp-pom.xml" <<POMEOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>cmake-maven-plugin-peer</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>io.github.cmake-maven-plugin</groupId>
        <artifactId>cmake-maven-plugin</artifactId>
        <version>$CMP_VERSION</version>
        <configuration>
          <downloadBinaries>false</downloadBinaries>
          <cmakeDir>/usr/bin</cmakeDir>
        </configuration>
        <executions>$gens$comps
        </executions>
      </plugin>
    </plugins>
  </build>
</project>
POMEOF
  # The peer and what it needs, into the private local repository (online once; every measured run is offline).
  if [ ! -f "$OUT/cmp-$CMP_VERSION.resolved" ]; then
    log "resolving $CMP:$CMP_VERSION from Maven Central"
    "$ROOT/mvnw" -B -q "-Dmaven.repo.local=$M2_HEAD" "-Dmaven.repo.local.tail=$M2_TAIL" \
      dependency:get "-Dartifact=$CMP:$CMP_VERSION" >"$B/logs/cmp-resolve.log" 2>&1 \
      || die "cannot resolve $CMP:$CMP_VERSION, see $B/logs/cmp-resolve.log"
    touch "$OUT/cmp-$CMP_VERSION.resolved"
  fi
}

# peer_check NAME DIR: every variant's Release msquic.dll is there after a build.
peer_check() {
  local v
  for v in "${VARIANT_NAMES[@]}"; do
    [ -n "$(find "$2/$v" -path '*Release*' -name msquic.dll -print -quit 2>/dev/null)" ] \
      || die "$1 made no Release msquic.dll under $2/$v"
  done
}
