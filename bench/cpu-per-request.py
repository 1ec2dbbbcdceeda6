#!/usr/bin/env python3
"""CPU time per request of a running Kepu (its JVM plus its PostgreSQL processes), for one signed-in user.

Wall-clock throughput on a shared 2-core machine depends on whatever else runs; the CPU time the server spends per
request (read from /proc before and after N sequential requests) depends much less on it. Start the app on the
benchmark data first, e.g.

  ./mvnw -q spring-boot:run -Dspring-boot.run.profiles=bench -Dspring-boot.run.arguments="--server.port=8097 \
      --kepu.embedded-db.data-dir=bench-data/pg --kepu.embedded-db.port=54398 --kepu.embedded-db.clean=false \
      --kepu.embedded-db.database=kepu_bench --kepu.files.dir=bench-data/files --logging.level.root=WARN"

then: python3 bench/cpu-per-request.py 8097 1000 /actuator/health "/activities?year=2026"
(the account bench-county is created by DashboardBenchmark; Linux only).
"""
import http.client, re, os, sys, time, glob
HOST, PORT = '127.0.0.1', int(sys.argv[1]); N = int(sys.argv[2]); paths = sys.argv[3:]
def ticks(pids):
    t = 0
    for p in pids:
        try:
            f = open(f'/proc/{p}/stat').read().rsplit(')',1)[1].split()
            t += int(f[11]) + int(f[12])
        except FileNotFoundError: pass
    return t
def procs():
    out = []
    for d in glob.glob('/proc/[0-9]*'):
        try:
            cmd = open(d + '/cmdline','rb').read()
        except Exception: continue
        if b'kepu_bench' in cmd or b'bench-data/pg' in cmd or b'server.port=8097' in cmd or (b'postgres' in cmd and b'54398' in cmd):
            out.append(d.split('/')[-1])
    return out
c = http.client.HTTPConnection(HOST, PORT)
c.request('GET', '/login'); r = c.getresponse(); body = r.read().decode()
cookie = r.getheader('Set-Cookie').split(';')[0]
csrf = re.search(r'name="_csrf" value="([^"]+)"', body).group(1)
from urllib.parse import urlencode
c.request('POST', '/login', urlencode({'username':'bench-county','password':'Bench-Passw0rd!','_csrf':csrf}), {'Cookie': cookie, 'Content-Type':'application/x-www-form-urlencoded'})
r = c.getresponse(); r.read()
sc = r.getheader('Set-Cookie'); cookie = sc.split(';')[0] if sc else cookie
print('login', r.status, r.getheader('Location'))
hz = os.sysconf('SC_CLK_TCK')
for path in paths:
    for _ in range(50):
        c.request('GET', path, headers={'Cookie': cookie}); r = c.getresponse(); r.read()
    ps = procs(); pg=[p for p in ps if b'postgres' in open(f'/proc/{p}/cmdline','rb').read()[:200] ]; jv=[p for p in ps if p not in pg]
    t0 = ticks(ps); g0=ticks(pg); w0 = time.time()
    for _ in range(N):
        c.request('GET', path, headers={'Cookie': cookie}); r = c.getresponse(); b = r.read()
    t1 = ticks(procs()); g1=ticks([p for p in procs() if b'postgres' in open(f'/proc/{p}/cmdline','rb').read()[:200]]); w1 = time.time()
    print(f'{path}: status {r.status}, {len(b)} bytes, CPU {(t1-t0)/hz/N*1000:.2f} ms/request (java+postgres), postgres {(g1-g0)/hz/N*1000:.2f}, wall {(w1-w0)/N*1000:.2f} ms')
