// The cheapest statement a store can answer: /healthz and `policykg wait` ask it.
RETURN 1 AS ok
