package diagnose

import (
	"regexp"
	"slices"
	"strings"
)

// redacted replaces every secret Redact finds.
const redacted = "[REDACTED]"

// redactRule is one kind of secret: re finds it and keep says how many
// leading submatches to keep in front of the marker (the key, the scheme);
// the rest of the match is replaced.
type redactRule struct {
	re   *regexp.Regexp
	keep int // number of leading capture groups kept verbatim
	// skip reports values that look like a secret but are not (password: YES).
	skip func(prefix, value string) bool
	// hints are lower-case substrings one of which every match contains:
	// a line with none of them is not run through the expression (most
	// log lines hold no secret, and the expressions are the slow part).
	hints []string
}

// reSecretRefKey is a key whose value names a Secret object, as charts
// and manifests refer to one.
var reSecretRefKey = regexp.MustCompile(`(?i)(?:existing[_-]?secret(?:[_-]?name)?|secret[_-]?(?:name|ref)|tls[_-]?secret(?:[_-]?name)?)$`)

// harmlessValues are values of password-like keys that carry no secret.
var harmlessValues = map[string]bool{
	"yes": true, "no": true, "true": true, "false": true, "null": true, "none": true,
	"nil": true, "required": true, "set": true, "unset": true, "empty": true, "***": true,
	"[redacted]": true, "<redacted>": true, "******": true, "": true,
}

// isProse reports values that are a harmless word or an English word in a
// sentence ("validate_secret_key_base': Missing ..."), not a secret.
func isProse(prefix, v string) bool {
	if isHarmless(prefix, v) || notSecretValue(v) {
		return true
	}
	if reSecretRefKey.MatchString(strings.TrimRight(prefix, " :=\"'")) {
		// A key that names a Secret object ("existingSecret:
		// grafana-admin", "secretName: app-tls"): its value is a name.
		return true
	}
	// The API's plural for the kind ("in a secret: secrets \"app-tls\"
	// already exists") names the object that follows, not a value.
	if v == "secrets" && strings.EqualFold(strings.TrimRight(prefix, ": "), "secret") {
		return true
	}
	if !strings.Contains(prefix, "=") && strings.HasSuffix(v, ":") && strings.Contains(strings.TrimRight(prefix, ` :"'`), "-") {
		// An object's name in an error chain, before the head of the
		// nested error ("default-server-secret: x509: cannot validate
		// certificate"); not "password: hunter2:".
		return true
	}
	if strings.Contains(prefix, "=") || len(v) < 2 || v[0] < 'A' || v[0] > 'Z' {
		return false
	}
	for _, c := range v[1:] {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// readsAsWord reports a value in prose that is a word, not a secret: only
// lower-case letters (a sentence's full stop aside), or a harmless value.
func readsAsWord(prefix, v string) bool {
	if isHarmless(prefix, v) {
		return true
	}
	w := strings.TrimRight(v, ".!?")
	for _, c := range w {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// notSecretValue reports values that are the text around a password
// prompt rather than a password: a label that ends in a colon
// ("Retype new password: /entrypoint.sh: line 51: ..."), or a file path
// ("password_file: /run/secrets/db", a path is where a secret is kept, not
// the secret).
func notSecretValue(v string) bool {
	if label, ok := strings.CutSuffix(v, ":"); ok && (reFileLabel.MatchString(label) || reSecretLabel.MatchString(label)) {
		return true
	}
	// A value that is itself the word for a secret is a label or prose
	// ("passwd: password updated successfully"), not a secret.
	return rePath.MatchString(v) || reSecretLabel.MatchString(v) || errorWords[strings.ToLower(v)] || reSecretManagerName.MatchString(v)
}

// errorWords start the error that follows a file's name ("open
// /var/run/secrets/.../token: permission denied", "token: no such file or
// directory"): no secret is one of these words.
var errorWords = map[string]bool{
	"permission": true, "no": true, "not": true, "denied": true, "cannot": true, "could": true, "unable": true,
	"failed": true, "invalid": true, "missing": true, "expired": true, "unknown": true, "eof": true, "empty": true,
	"is": true, "was": true, "does": true, "the": true, "connection": true, "operation": true, "read-only": true,
	"resource": true, // client-go's "resource name may not be empty" after "secret:"
	// A cache of Secrets that timed out ("kind source: *v1.Secret: timed
	// out waiting for cache to be synced"), a call that failed.
	"timed": true, "context": true, "dial": true, "error": true, "forbidden": true, "unauthorized": true,
}

var (
	// reFileLabel is a path or a file name with an extension: the script
	// or file a shell error names before its colon.
	reFileLabel = regexp.MustCompile(`^(?:\.{0,2}/[\w.-]+)+$|^[\w-]+\.[A-Za-z]{1,5}$`)
	// reSecretLabel is a label that itself names a password (the passwd
	// program's "passwd:", a second "Password:" prompt).
	reSecretLabel = regexp.MustCompile(`(?i)^[a-z_-]*(?:password|passwd|passphrase|token|secret)$`)
	// rePath is an absolute path of at least two parts, or one with a
	// file extension.
	rePath = regexp.MustCompile(`^(?:/[\w.-]+){2,}/?$|^/[\w-]+\.[A-Za-z]{1,5}$`)
	// reSecretManagerName is Google Secret Manager's resource name for a
	// secret or one of its versions (Cloud Run's "Permission denied on
	// secret: projects/123/secrets/db-password/versions/latest"): it says
	// which secret was refused, and holds none of its value.
	reSecretManagerName = regexp.MustCompile(`^projects/[\w.-]+/secrets/[\w.-]+(?:/versions/[\w.-]+)?[.,]?$`)
)

func isHarmless(_, v string) bool {
	v = strings.Trim(v, `"'`)
	return harmlessValues[strings.ToLower(v)] || isMask(v)
}

// isFileError reports a "value" that is the system's error about the
// file before the colon ("/opt/rabbitmq/.erlang.cookie: Permission
// denied"), not a cookie.
func isFileError(_, v string) bool {
	v = strings.ToLower(v)
	for _, e := range fileErrors {
		if strings.HasPrefix(v, e) {
			return true
		}
	}
	return false
}

var fileErrors = []string{"permission denied", "no such file or directory", "operation not permitted", "read-only file system", "is a directory", "not a directory"}

// isMask reports a value that already hides a secret or stands for one:
// asterisks or x's ("**", "xxxxxx"), a placeholder ("<password>",
// "${DB_PASSWORD}", "$(DB_PASSWORD)"). Replacing it would only make the
// quoted line differ from the one the user sees.
func isMask(v string) bool {
	if v == "" {
		return false
	}
	if strings.Trim(v, "*") == "" || (len(v) >= 3 && strings.Trim(strings.ToLower(v), "x") == "") {
		return true
	}
	return reMaskPlaceholder.MatchString(v)
}

// reMaskPlaceholder is a placeholder or a variable reference.
var reMaskPlaceholder = regexp.MustCompile(`^(?:<[\w .-]+>|\$\{[A-Za-z_][A-Za-z0-9_]*\}?|\$\([A-Za-z_][A-Za-z0-9_]*\)?|\$[A-Z_][A-Z0-9_]*)$`)

var redactRules = []redactRule{
	// Private key blocks (whole block, or from BEGIN to the end of the text).
	{re: regexp.MustCompile(`-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----(?s:.*?)(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|\z)`), hints: []string{"private key"}},
	// Authorization / cookie headers: keep the header name and scheme.
	{re: regexp.MustCompile(`(?i)(\b(?:proxy-)?authorization["']?\s*[:=]\s*["']?(?:bearer|basic|token|digest|negotiate|apikey)?\s*)[^\s"',;]+`), keep: 1, hints: []string{"authorization"}},
	{re: regexp.MustCompile(`(?i)(\b(?:set-)?cookie["']?\s*:\s*)[^\r\n"]+`), keep: 1, skip: isFileError, hints: []string{"cookie"}},
	{re: regexp.MustCompile(`(?i)(\bbearer\s+)[A-Za-z0-9\-._~+/]{8,}=*`), keep: 1, hints: []string{"bearer"}},
	// Credentials in URLs and DSNs: scheme://user:PASSWORD@host.
	{re: regexp.MustCompile(`(?i)(\b[a-z][a-z0-9+.\-]*://[^:/?#\s@"']*:)([^@\s/"']+)(@)`), keep: 1, skip: isHarmless, hints: []string{"://"}},
	// Well-known token formats.
	{re: regexp.MustCompile(`\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*`), hints: []string{"eyj"}},
	{re: regexp.MustCompile(`\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA|ABIA|ACCA)[A-Z0-9]{16}\b`), hints: []string{"akia", "asia", "agpa", "aida", "aroa", "anpa", "anva", "aipa", "abia", "acca"}},
	{re: regexp.MustCompile(`\bxox[abposre]-[A-Za-z0-9-]{8,}`), hints: []string{"xox"}},
	{re: regexp.MustCompile(`\bxapp-[0-9]-[A-Za-z0-9-]{8,}`), hints: []string{"xapp-"}},
	{re: regexp.MustCompile(`(?i)(https://hooks\.slack\.com/services/)[A-Za-z0-9/_-]+`), keep: 1, hints: []string{"hooks.slack.com"}},
	{re: regexp.MustCompile(`\bgh[pousr]_[A-Za-z0-9]{30,}\b`), hints: []string{"ghp_", "gho_", "ghu_", "ghs_", "ghr_"}},
	{re: regexp.MustCompile(`\bgithub_pat_[A-Za-z0-9_]{22,}`), hints: []string{"github_pat_"}},
	{re: regexp.MustCompile(`\bglpat-[A-Za-z0-9_-]{20,}`), hints: []string{"glpat-"}},
	{re: regexp.MustCompile(`\bAIza[0-9A-Za-z_-]{35}\b`), hints: []string{"aiza"}},
	{re: regexp.MustCompile(`\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,}\b`), hints: []string{"_live_", "_test_"}},
	{re: regexp.MustCompile(`\bnpm_[A-Za-z0-9]{36}\b`), hints: []string{"npm_"}},
	// AI providers' keys (OpenAI "sk-proj-...", Anthropic "sk-ant-...",
	// Hugging Face "hf_..."), as a client's error or a start-up line prints
	// them; Vault's service and batch tokens; SendGrid, DigitalOcean,
	// Grafana service-account, Google OAuth client and Tailscale auth keys.
	{re: regexp.MustCompile(`\bsk-(?:proj-|ant-(?:api\d+-)?|svcacct-|admin-)?[A-Za-z0-9_-]{32,}`), hints: []string{"sk-"}},
	{re: regexp.MustCompile(`\bhf_[A-Za-z0-9]{30,}\b`), hints: []string{"hf_"}},
	{re: regexp.MustCompile(`\bhv[sbr]\.[A-Za-z0-9_-]{20,}`), hints: []string{"hvs.", "hvb.", "hvr."}},
	{re: regexp.MustCompile(`\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}`), hints: []string{"sg."}},
	{re: regexp.MustCompile(`\bdo[por]_v1_[a-f0-9]{64}\b`), hints: []string{"_v1_"}},
	{re: regexp.MustCompile(`\bglsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}\b`), hints: []string{"glsa_"}},
	{re: regexp.MustCompile(`\bGOCSPX-[A-Za-z0-9_-]{20,}`), hints: []string{"gocspx-"}},
	{re: regexp.MustCompile(`\btskey-[a-z]+-[A-Za-z0-9]+-[A-Za-z0-9]{16,}`), hints: []string{"tskey-"}},
	// Discord's webhook URLs carry their token; an Azure SAS URL its
	// signature.
	{re: regexp.MustCompile(`(?i)(https://(?:\w+\.)?discord(?:app)?\.com/api/webhooks/\d+/)[A-Za-z0-9_-]+`), keep: 1, hints: []string{"discord"}},
	{re: regexp.MustCompile(`(?i)([?&]sig=)[^&\s"']+`), keep: 1, hints: []string{"sig="}},
	// A registry login in a Docker config ("auth": "<base64 of user:pass>").
	{re: regexp.MustCompile(`(?i)("auth"\s*:\s*")([A-Za-z0-9+/]{8,}={0,2})(")`), keep: 1, hints: []string{`"auth"`}},
	// curl's user:password (curl -u elastic:changeme, as a probe or a
	// script runs it).
	{re: regexp.MustCompile(`(?i)(\bcurl\b[^;&|\n]*?[\s"',\[](?:-u|--user)(?:["']?(?:\s*,\s*|\s+)["']?|=)[^\s:"']+:)([^\s"',;&|)\]]+)`), keep: 1, hints: []string{"curl"}},
	// AWS secret access key near an aws/secret keyword.
	{re: regexp.MustCompile(`(?i)(aws.{0,20}?(?:secret|key)[\w"']{0,20}\s*[:=]\s*["']?)[A-Za-z0-9/+]{40}\b`), keep: 1, hints: []string{"aws"}},
	// Command-line flags: --password hunter2, --token=abc, and the same
	// split across the elements of an argument list
	// (["--password", "hunter2"], [--password hunter2]).
	// A flag starts the text or follows a blank, quote or "=" (not ".vault-token").
	{re: regexp.MustCompile(`(?i)((?:^|[\s"'=\[,])--?[a-z0-9_-]*(?:password|passwd|secret|token|api-?key)[a-z0-9_-]*(?:=|["']?(?:\s*,\s*|\s+)["']?))([^\s"'(\]-][^\s"'\]]*)`), keep: 1, skip: isHarmless, hints: []string{"pass", "secret", "token", "api"}},
	// Short password flags of well-known clients, which mean something
	// else elsewhere: redis-cli -a PASS, mysql -pPASS (or -p PASS),
	// mongo/mongosh/cqlsh -p PASS. The flag must follow the client within
	// the same command (not past ; & | or a line end).
	{re: regexp.MustCompile(`(?i)(\bredis-cli\b[^;&|\n]*?[\s"',\[](?:-a|--pass)(?:["']?(?:\s*,\s*|\s+)["']?|=))([^\s"',;&|)\]-][^\s"',;&|)\]]*)`), keep: 1, hints: []string{"redis-cli"}},
	{re: regexp.MustCompile(`(?i)(\b(?:mysql|mysqladmin|mysqldump|mysqlcheck|mysqlimport|mysqlshow|mysqlpump|mariadb|mariadb-admin|mariadb-dump|sshpass)\b[^;&|\n]*?[\s"',\[]-p(?:["']?(?:\s*,\s*|\s+)["']?)?)([^\s"',;&|)\]-][^\s"',;&|)\]]*)`), keep: 1, hints: []string{"mysql", "mariadb", "sshpass"}},
	{re: regexp.MustCompile(`(?i)(\b(?:mongo|mongosh|mongodump|mongorestore|mongoexport|mongoimport|mongostat|mongotop|cqlsh)\b[^;&|\n]*?[\s"',\[]-p(?:["']?(?:\s*,\s*|\s+)["']?|=))([^\s"',;&|)\]-][^\s"',;&|)\]]*)`), keep: 1, hints: []string{"mongo", "cqlsh"}},
	// A password quoted after its word ("(password \"...\")", as drivers
	// repeat the one they were given). Only password words: a quoted
	// name after "secret" is the Secret object's name.
	{re: regexp.MustCompile(`(?i)(\b(?:password|passwd|passphrase)\s+["'])([^\s"']+)`), keep: 1, skip: isHarmless, hints: []string{"pass"}},
	// Redis's password directives, as its config file and its
	// FATAL CONFIG FILE ERROR quote them ("requirepass s3cr3t",
	// ">>> 'masterauth s3cr3t'", "sentinel auth-pass mymaster s3cr3t").
	{re: regexp.MustCompile(`(?i)(\b(?:requirepass|masterauth|auth-pass\s+[\w.-]+)\s+["']?)([^\s"'-][^\s"']*)`), keep: 1, skip: isHarmless, hints: []string{"requirepass", "masterauth", "auth-pass"}},
	// SQL's password clause in a statement a log or a set -x trace
	// echoes ("CREATE USER 'app'@'%' IDENTIFIED BY 's3cr3t'"), not
	// Alembic's "revision identified by '2026...'".
	{re: regexp.MustCompile(`(?i)(\b(?:user|role|to)\b[^;\n]{0,120}?\bidentified (?:with \w+ )?by (?:password )?')([^']+)`), keep: 1, skip: isHarmless, hints: []string{"identified"}},
	// A password given in the reporter's words ("the password is
	// hunter2secret"): only a value that does not read as a word (it has
	// a digit, a symbol or a capital after its first letter), not "the
	// password is incorrect".
	{re: regexp.MustCompile(`(?i)(\bpassword (?:is|was)\s+["'\x60]?)([^\s"'\x60,;]{6,})`), keep: 1, skip: readsAsWord, hints: []string{"password "}},
	// key=value and "key": "value" pairs whose key ends in a secret word.
	{re: regexp.MustCompile(`(?i)(\b[a-z0-9_.-]*(?:password|passwd|passphrase|pwd|pass|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|secret[_-]?key(?:[_-]?base)?|credentials?|auth[_-]?key|session[_-]?key|signing[_-]?key)(?:\s*=\s*["']?|["']\s*[:=]\s*["']?|:\s*["']|:\s+))([^\s"',;&}\])(][^\s"',;&}\])]*)`), keep: 1, skip: isProse, hints: []string{"pass", "pwd", "secret", "token", "key", "credential"}},
	// Keys named for what they unlock (AccountKey=, APP_KEY=,
	// LICENSE_KEY=, ENCRYPTION_KEY=, "master_key": "..."): only as a pair
	// with "=" or a quoted value, since their names also start sentences
	// ("Refusing to auto-generate STORAGE_ENCRYPTION_KEY: encrypted
	// credentials already exist").
	{re: regexp.MustCompile(`(?i)(\b[a-z0-9_.-]*(?:account|app|license|licence|encryption|master)[_-]?key(?:\s*=\s*["']?|["']\s*[:=]\s*["']?|:\s*["']))([^\s"',;&}\])(][^\s"',;&}\])]*)`), keep: 1, skip: isProse, hints: []string{"key"}},
}

// Redact replaces secrets in s with "[REDACTED]": bearer tokens and
// Authorization headers, passwords in URLs and DSNs, password=/secret=/
// api_key= style pairs, private key blocks, JWTs, AWS keys, Slack and GitHub
// tokens and a few other well-known token formats. It reports whether it
// replaced anything.
func Redact(s string) (string, bool) {
	return redactCollect(s, nil)
}

// redactCollect is Redact that also appends each secret value it replaces
// to found, when found is not nil.
func redactCollect(s string, found *[]string) (string, bool) {
	if s == "" {
		return s, false
	}
	changed := false
	lower := strings.ToLower(s)
	for _, rule := range redactRules {
		if !containsAny(lower, rule.hints) || !rule.re.MatchString(s) {
			continue
		}
		var c bool
		s, c = rule.apply(s, found)
		changed = changed || c
	}
	return s, changed
}

// apply replaces every secret rule finds in s (appending each to found
// when it is not nil). A value that turns out to be the key of the next
// pair ("password": "api_key": "..." after a prompt) is not the secret:
// the search resumes at it, so the pair it starts is found.
func (rule redactRule) apply(s string, found *[]string) (string, bool) {
	changed := false
	for pos := 0; pos < len(s); {
		sub := rule.re.FindStringSubmatchIndex(s[pos:])
		if sub == nil {
			break
		}
		for i := range sub {
			if sub[i] >= 0 {
				sub[i] += pos
			}
		}
		mStart, mEnd := sub[0], sub[1]
		// Text before the secret: the kept groups.
		start := mStart
		if rule.keep > 0 && sub[2*rule.keep+1] >= 0 {
			start = sub[2*rule.keep+1]
		}
		// The secret is the group after the kept ones, or the rest.
		end := mEnd
		if n := rule.keep + 1; 2*n+1 < len(sub) && sub[2*n+1] >= 0 {
			end = sub[2*n+1]
		}
		value := s[start:end]
		if strings.HasPrefix(value, "[REDACTED") || (rule.skip != nil && rule.skip(s[mStart:start], value)) || (rule.keep > 0 && (keyAhead(s[end:]) || kindAhead(value, s[end:]))) {
			pos = max(start, mStart+1)
			if pos == mEnd && mEnd == mStart {
				pos++
			}
			continue
		}
		changed = true
		if found != nil {
			*found = append(*found, value)
		}
		s = s[:start] + redacted + s[end:]
		pos = start + len(redacted)
	}
	return s, changed
}

// keyAhead reports text that continues a key: the value just found is the
// key of a pair ("api_key": ...), not a secret.
func keyAhead(rest string) bool {
	rest = strings.TrimLeft(rest, `"'`)
	return strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, " :") || strings.HasPrefix(rest, "=")
}

// kindAhead reports the API's plural for Secrets opening its own error
// after the label a caller put before it (`failed to list *v1.Secret:
// secrets is forbidden`, `get secret ns/jwt-signing-key: secrets
// "jwt-signing-key" not found`): the word names the kind, not a value.
func kindAhead(value, rest string) bool {
	return value == "secrets" && (strings.HasPrefix(rest, ` "`) || strings.HasPrefix(rest, ` \"`) || strings.HasPrefix(rest, " is forbidden"))
}

// passwordFlag is a command-line flag whose next argument is a secret.
var passwordFlag = regexp.MustCompile(`(?i)^--?[a-z0-9_-]*(?:password|passwd|secret|token|api-?key)[a-z0-9_-]*$`)

// passwordClient is how a well-known client takes its password.
type passwordClient struct {
	flags    []string // flags followed by the password
	attached bool     // -pPASS: the password attached to -p
}

// passwordClients are the clients whose short flags take a password.
var passwordClients = func() map[string]passwordClient {
	m := map[string]passwordClient{"redis-cli": {flags: []string{"-a", "--pass"}}}
	for _, c := range []string{"mongo", "mongosh", "mongodump", "mongorestore", "mongoexport", "mongoimport", "cqlsh"} {
		m[c] = passwordClient{flags: []string{"-p"}}
	}
	for _, c := range []string{"mysql", "mysqladmin", "mysqldump", "mysqlcheck", "mysqlimport", "mysqlshow", "mysqlpump", "mariadb", "mariadb-admin", "mariadb-dump"} {
		m[c] = passwordClient{flags: []string{"-p"}, attached: true}
	}
	return m
}()

// RedactArgs redacts a command's arguments (an exec probe, a container's
// command): the argument after a password flag (--password, -a of
// redis-cli, -p of mysql or mongo), mysql's -pPASS, and in every argument
// what Redact finds (a script given to sh -c included). It reports whether
// it replaced anything; args is not changed.
func RedactArgs(args []string) ([]string, bool) {
	out := make([]string, len(args))
	changed := false
	var client passwordClient
	secretNext := false
	for i, a := range args {
		if secretNext && a != "" && !strings.HasPrefix(a, "-") {
			out[i], changed, secretNext = redacted, true, false
			continue
		}
		secretNext = false
		if c, ok := passwordClients[a[strings.LastIndexByte(a, '/')+1:]]; ok {
			client = c
		}
		switch {
		case passwordFlag.MatchString(a), slices.Contains(client.flags, a):
			secretNext = true
		case client.attached && strings.HasPrefix(a, "-p") && len(a) > 2:
			out[i], changed = "-p"+redacted, true
			continue
		}
		r, c := Redact(a)
		out[i], changed = r, changed || c
	}
	return out, changed
}

// redactAll redacts every string of lines in place and reports whether any
// was changed.
func redactAll(lines []string) bool {
	any := false
	for i, l := range lines {
		var c bool
		lines[i], c = Redact(l)
		any = any || c
	}
	return any
}

// containsAny reports whether s contains one of subs (true for none given).
func containsAny(s string, subs []string) bool {
	if len(subs) == 0 {
		return true
	}
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
