# 1M clients / ~10M transactions for the BTYD scale benchmark: per client a birth day in three years up to
# 2026-12-31 and 1 + Poisson-ish count of purchases (mean 10) after it, amounts log-normal. Seeded.
import random, datetime, sys
random.seed(12)
clients = int(sys.argv[1]); target = int(sys.argv[2]); out = sys.argv[3]
start = datetime.date(2024, 1, 1).toordinal(); end = datetime.date(2026, 12, 31).toordinal()
mean_extra = target / clients - 1
dates = {}
def iso(o):
    d = dates.get(o)
    if d is None:
        d = dates[o] = datetime.date.fromordinal(o).isoformat()
    return d
n = 0
with open(out, 'w') as f:
    f.write('client_id,date,amount\n')
    buf = []
    for c in range(clients):
        cid = 'C%07d' % c
        birth = random.randint(start, end)
        k = 1 + int(random.expovariate(1 / mean_extra)) if mean_extra > 0 else 1
        for _ in range(k):
            buf.append('%s,%s,%.2f\n' % (cid, iso(random.randint(birth, end)), random.lognormvariate(5.5, 0.9)))
        n += k
        if len(buf) > 200000:
            f.write(''.join(buf)); buf = []
    f.write(''.join(buf))
print(n)
