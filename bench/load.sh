#!/usr/bin/env bash
# Load script (not a test): N send-and-track instances over REST against the app and the simulator (or an
# external SMSC), then prints throughput, correlation latency and memory.
#
#   bench/load.sh [N] [PARALLEL]          e.g. bench/load.sh 2000 32
#   SMSC_HOST=... SMSC_PORT=... bench/load.sh 1000    # against an external SMSC instead of the simulator
#
# Throughput: N / (first instance start .. last instance end), i.e. from the first REST start to the last
# receipt correlated. Correlation latency: receipt stored (sms_receipt.received_at) -> instance ended
# (the correlation transaction). All figures come from the database after the run.
set -euo pipefail
N=${1:-1000}
PARALLEL=${2:-32}
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/app/target/sms-flows-app.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests package)
work=$(mktemp -d)
port=${PORT:-18080}
db="jdbc:h2:file:$work/db;AUTO_SERVER=TRUE${H2_OPTIONS-;QUERY_CACHE_SIZE=256}"
h2jar=$(find ~/.m2/repository/com/h2database/h2 -name 'h2-*.jar' | sort | tail -n1)
args=(--server.port=$port --spring.profiles.active=demo "--spring.datasource.url=$db"
      --logging.level.io.smsflows=WARN --smsflows.simulator.receipt-delay=${RECEIPT_DELAY:-50ms}
      --smsflows.simulator.port=0)
if [ -n "${SMSC_HOST:-}" ]; then args+=(--smsflows.smpp.host=$SMSC_HOST --smsflows.smpp.port=${SMSC_PORT:-2775}); fi
java ${JAVA_OPTS:--Xmx1g} -jar "$jar" "${args[@]}" > "$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; cp "$work/app.log" /tmp/last-load-app.log 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do curl -sf "http://localhost:$port/actuator/health" >/dev/null && break; sleep 1; done
curl -sf "http://localhost:$port/actuator/health" >/dev/null || { tail -50 "$work/app.log"; exit 1; }

run="load-$(date +%s)"
cfg="$work/requests.cfg"
for i in $(seq 1 "$N"); do
  printf 'url = "http://localhost:%s/engine-rest/process-definition/key/send-and-track/start"\n' "$port"
  printf 'user = "demo:demo"\nheader = "Content-Type: application/json"\noutput = "/dev/null"\n'
  printf 'data = "{\\"businessKey\\":\\"%s-%s\\",\\"variables\\":{\\"to\\":{\\"value\\":\\"+49151%08d\\"},\\"text\\":{\\"value\\":\\"Your appointment tomorrow at 10:00. Reply YES to confirm.\\"}}}"\n' "$run" "$i" "$i"
  [ "$i" -lt "$N" ] && printf 'next\n'
done > "$cfg"
echo "Starting $N instances ($PARALLEL parallel REST calls)..."
curl -s --parallel --parallel-max "$PARALLEL" -K "$cfg"
count() { curl -s -u demo:demo "http://localhost:$port/engine-rest/history/process-instance/count?processDefinitionKey=send-and-track&finished=true&processInstanceBusinessKeyLike=$run-%25" | sed 's/[^0-9]//g'; }
deadline=$((SECONDS + 600))
while [ "$(count)" -lt "$N" ] && [ $SECONDS -lt $deadline ]; do sleep 1; done
done_n=$(count)
heap=$(jcmd $app GC.heap_info 2>/dev/null | awk '/garbage-first heap|def new generation|PSYoungGen/{print; exit}' || true)
rss=$(ps -o rss= -p $app | awk '{printf "%.0f MB", $1/1024}')

sql() { java -cp "$h2jar" org.h2.tools.Shell -url "$db" -user sa -password "" -sql "$1" | grep -v '^(' | tail -n +2; }
span=$(sql "select datediff('MILLISECOND', min(START_TIME_), max(END_TIME_)) from ACT_HI_PROCINST where BUSINESS_KEY_ like '$run-%'")
lat="$work/latency.txt"
sql "select datediff('MILLISECOND', max(r.received_at), max(p.END_TIME_)) from sms_message m join sms_receipt r on r.message_id = m.id join ACT_HI_PROCINST p on p.ID_ = m.process_instance_id where p.BUSINESS_KEY_ like '$run-%' group by m.id" | tr -d ' ' | grep -E '^-?[0-9]+$' | sort -n > "$lat"
pct() { awk -v p="$1" '{a[NR]=$1} END {if (NR==0) {print "n/a"; exit} i=int(NR*p/100); if (i<1) i=1; if (i>NR) i=NR; print a[i]}' "$lat"; }
outcomes=$(sql "select v.TEXT_, count(*) from ACT_HI_VARINST v join ACT_HI_PROCINST p on p.ID_ = v.PROC_INST_ID_ where v.NAME_ = 'outcome' and p.BUSINESS_KEY_ like '$run-%' group by v.TEXT_" | tr -s ' ' | tr '\n' ';')
span_ms=$(echo "$span" | tr -d ' ')
echo
echo "instances completed : $done_n / $N   outcomes: $outcomes"
echo "wall time           : ${span_ms} ms (first start -> last instance ended)"
awk -v n="$done_n" -v ms="$span_ms" 'BEGIN { if (ms > 0) printf "throughput          : %.1f messages/s end to end\n", n * 1000 / ms }'
echo "correlation latency : p50 $(pct 50) ms, p99 $(pct 99) ms, max $(pct 100) ms (receipt stored -> instance ended; $(wc -l < "$lat") samples)"
echo "memory              : RSS $rss; ${heap:-heap n/a}"
echo "machine             : $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB"
