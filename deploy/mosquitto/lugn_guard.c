/*
 * lugn_guard: a Mosquitto 2.0 plugin for the DEVICE listeners. Every publish and every last will of a device
 * account spends one token of that account's budget (a token bucket: BURST tokens, refilled at RATE per
 * minute); a message that finds the budget empty, or whose payload is larger than MAX_PAYLOAD bytes, is
 * refused like an ACL denial (PUBACK 0x87 for QoS 1, dropped for QoS 0; a refused will is not published).
 *
 * Why (docs/privacy.md, "Flooding"): all contributions reach the aggregator through ONE persistent session,
 * and Mosquitto drops messages for a session whose queue is full (max_queued_messages) while the senders have
 * their PUBACKs. Without a per-account budget one device credential publishing at 50,000 msg/s (QoS 0, or
 * its last will on each of 500 reconnects a second) filled that queue in seconds and other seats'
 * acknowledged contributions were lost. A seat sends one contribution per bucket and a status every few
 * minutes; after an outage it drains its outbox (refused rows are retried five minutes later), so a budget of
 * a few hundred messages plus one a second costs a real seat nothing.
 *
 * It runs in the ACL check, before the ACL file (plugins are asked first), for MOSQ_ACL_WRITE only; it never
 * grants anything: within the budget it defers to the ACL file. Budgets are per client id, which is the
 * account (use_username_as_clientid): reconnecting does not refill them. Entries live as long as the broker
 * (one per device account that ever published: ~60 bytes each).
 *
 * Options (after the `plugin` line, per listener):
 *   plugin_opt_rate_per_min  tokens added per minute (default 60)
 *   plugin_opt_burst         bucket size, and what a new account starts with (default 300)
 *   plugin_opt_max_payload   largest payload in bytes (default 4096; a contribution is ~300 bytes)
 *
 * Build: deploy/mosquitto/build-guard.sh OUT.so (needs gcc and the mosquitto-dev + libmosquitto-dev headers).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <mosquitto.h>
#include <mosquitto_broker.h>
#include <mosquitto_plugin.h>

#define TABLE_SIZE 16384u
#define LOG_EVERY_S 60.0

struct entry {
	struct entry *next;
	double tokens;
	double last;        /* monotonic seconds of the last refill */
	double logged;      /* monotonic seconds of the last log line about this account */
	unsigned long denied;
	char id[];
};

/* Shared by the instances on the device listeners (the same .so is loaded once per listener): an account has
 * one budget whichever device listener (password or mutual TLS) it uses. */
static struct entry *table[TABLE_SIZE];
static double rate_per_s = 1.0;
static double burst = 300.0;
static uint32_t max_payload = 4096;
static int instances = 0;

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint32_t hash(const char *s)
{
	uint32_t h = 2166136261u;  /* FNV-1a */
	for(; *s; s++){
		h ^= (uint8_t)*s;
		h *= 16777619u;
	}
	return h;
}

static struct entry *lookup(const char *id, double now)
{
	uint32_t slot = hash(id) % TABLE_SIZE;
	struct entry *e;
	size_t len;

	for(e = table[slot]; e; e = e->next){
		if(!strcmp(e->id, id)) return e;
	}
	len = strlen(id);
	e = malloc(sizeof(struct entry) + len + 1);
	if(!e) return NULL;
	memcpy(e->id, id, len + 1);
	e->tokens = burst;
	e->last = now;
	e->logged = -LOG_EVERY_S;
	e->denied = 0;
	e->next = table[slot];
	table[slot] = e;
	return e;
}

static int deny(struct entry *e, double now, const char *why, uint32_t payloadlen)
{
	e->denied++;
	if(now - e->logged >= LOG_EVERY_S){
		e->logged = now;
		mosquitto_log_printf(MOSQ_LOG_WARNING,
				"lugn_guard: refused a message from %s (%s; %u bytes); %lu refused so far",
				e->id, why, payloadlen, e->denied);
	}
	return MOSQ_ERR_ACL_DENIED;
}

static int on_acl_check(int event, void *event_data, void *userdata)
{
	struct mosquitto_evt_acl_check *ed = event_data;
	const char *id;
	struct entry *e;
	double now;

	(void)event;
	(void)userdata;
	if(ed->access != MOSQ_ACL_WRITE) return MOSQ_ERR_PLUGIN_DEFER;
	id = mosquitto_client_id(ed->client);
	if(!id) return MOSQ_ERR_ACL_DENIED;
	now = now_s();
	e = lookup(id, now);
	if(!e) return MOSQ_ERR_ACL_DENIED;  /* out of memory: refuse rather than let it through unmetered */
	if(ed->payloadlen > max_payload) return deny(e, now, "payload too large", ed->payloadlen);
	e->tokens += (now - e->last) * rate_per_s;
	if(e->tokens > burst) e->tokens = burst;
	e->last = now;
	if(e->tokens < 1.0) return deny(e, now, "over its message budget", ed->payloadlen);
	e->tokens -= 1.0;
	return MOSQ_ERR_PLUGIN_DEFER;  /* within budget: the ACL file decides */
}

static bool parse_positive(const char *key, const char *value, double *out)
{
	char *end;
	double v = strtod(value, &end);
	if(end == value || *end != '\0' || !(v > 0.0) || v > 1e9){
		mosquitto_log_printf(MOSQ_LOG_ERR, "lugn_guard: %s must be a positive number, not '%s'", key, value);
		return false;
	}
	*out = v;
	return true;
}

int mosquitto_plugin_version(int supported_version_count, const int *supported_versions)
{
	int i;
	for(i = 0; i < supported_version_count; i++){
		if(supported_versions[i] == 5) return 5;
	}
	return -1;
}

int mosquitto_plugin_init(mosquitto_plugin_id_t *identifier, void **userdata,
		struct mosquitto_opt *options, int option_count)
{
	int i;
	double v;

	for(i = 0; i < option_count; i++){
		const char *k = options[i].key, *val = options[i].value;
		if(!strcmp(k, "rate_per_min")){
			if(!parse_positive(k, val, &v)) return MOSQ_ERR_INVAL;
			rate_per_s = v / 60.0;
		}else if(!strcmp(k, "burst")){
			if(!parse_positive(k, val, &v) || v < 1.0) return MOSQ_ERR_INVAL;
			burst = v;
		}else if(!strcmp(k, "max_payload")){
			if(!parse_positive(k, val, &v)) return MOSQ_ERR_INVAL;
			max_payload = (uint32_t)v;
		}else{
			mosquitto_log_printf(MOSQ_LOG_ERR, "lugn_guard: unknown option %s", k);
			return MOSQ_ERR_INVAL;
		}
	}
	*userdata = NULL;
	instances++;
	mosquitto_log_printf(MOSQ_LOG_NOTICE,
			"lugn_guard: device budget %.0f messages, +%.1f per minute, payload <= %u bytes",
			burst, rate_per_s * 60.0, max_payload);
	return mosquitto_callback_register(identifier, MOSQ_EVT_ACL_CHECK, on_acl_check, NULL, NULL);
}

int mosquitto_plugin_cleanup(void *userdata, struct mosquitto_opt *options, int option_count)
{
	unsigned i;
	struct entry *e, *next;

	(void)userdata;
	(void)options;
	(void)option_count;
	if(--instances > 0) return MOSQ_ERR_SUCCESS;
	for(i = 0; i < TABLE_SIZE; i++){
		for(e = table[i]; e; e = next){
			next = e->next;
			free(e);
		}
		table[i] = NULL;
	}
	return MOSQ_ERR_SUCCESS;
}
