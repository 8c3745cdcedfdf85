#!/usr/bin/env python3
"""Converts UniversalPetrarch's Arabic dictionaries (MIT) and the PLOVER CAMEO->PLOVER table (CC BY-SA 4.0)
into the TSV data files under data/events/. Run from the repository root:

    python3 training/events/convert_dictionaries.py ../shared/data

The output is deterministic (sorted, de-duplicated). The hand-curated files (triggers.tsv,
nationalities.tsv, agents_extra.tsv) are not touched by this script."""
import os
import re
import sys

shared = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
up = os.path.join(shared, "universalpetrarch", "dictionaries")
out = "data/events"

def write(name, header, rows, notice):
    with open(os.path.join(out, name), "w", encoding="utf-8", newline="\n") as f:
        f.write("# version: 1\n")
        for line in notice:
            f.write("# " + line + "\n")
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")

UP_NOTICE = ["Converted by training/events/convert_dictionaries.py from UniversalPetrarch's Arabic dictionaries",
             "(Open Event Data Alliance, MIT License, Copyright (c) 2016 Open Event Data Alliance; see data/events/NOTICE.md).",
             "Machine-translated entries, kept as they are; the coder's own triggers are in triggers.tsv."]

# ---- CAMEO.ar.0.5.txt: verb groups, verbs with codes, and object patterns
rows = []
group = ""
in_verbs = False
for raw in open(os.path.join(up, "CAMEO.ar.0.5.txt"), encoding="utf-8"):
    line = raw.rstrip("\n").strip()
    if "VERB PATTERNS" in line:
        in_verbs = True
        continue
    if not in_verbs or not line or line.startswith("#"):
        continue
    m = re.match(r"^---\s*(.+?)\s*\[([^\]]*)\]\s*---", line)
    if m:
        group = m.group(1).strip()
        code = m.group(2).strip()
        if code and code != "---":
            rows.append(("group", group, group, "", code, ""))
        continue
    if line.startswith("-"):
        m = re.match(r"^-\s*(.*?)\s*\[([0-9]{2,4})\]\s*(?:#\s*(.*))?$", line)
        if not m:
            continue
        pattern = re.sub(r"\s+", " ", m.group(1)).strip()
        verbs = (m.group(3) or "").strip()
        rows.append(("pattern", group, verbs.replace("\t", " "), pattern.replace("\t", " "), m.group(2), ""))
        continue
    m = re.match(r"^([^\s\[#]+(?:\s+[^\s\[#]+)?)\s*(?:\[([0-9]{2,4})\])?\s*(?:#\s*(.*))?$", line)
    if m:
        verb = m.group(1).strip()
        rows.append(("verb", group, verb, "", m.group(2) or "", (m.group(3) or "").strip()))
seen = set()
uniq = []
for r in rows:
    if r not in seen:
        seen.add(r)
        uniq.append(r)
write("cameo_verbs_ar.tsv", ["kind", "group", "verb", "pattern", "cameo", "gloss"], uniq, UP_NOTICE + [
    "kind=group: the verb group's own code; verb: a verb of the group (cameo empty = the group's patterns decide);",
    "pattern: object pattern after the verbs listed in column verb ('*' = the verb, &SET = a synset, {..} = a phrase, (..) = optional)."])

# ---- agents: noun phrases -> CAMEO roles
agents = set()
for raw in open(os.path.join(up, "agents.all.ar.txt"), encoding="utf-8"):
    line = raw.strip()
    if not line or line.startswith("#"):
        continue
    m = re.search(r"\[~([A-Z]{3})\]\s*(.*)$", line)
    if not m:
        continue
    arabic = m.group(2).split("#")[0].strip().replace("_", " ")
    arabic = re.sub(r"[?]", "", arabic).strip()
    if arabic and re.search(r"[\u0621-\u064A]", arabic):
        agents.add((arabic, m.group(1)))
write("agents_ar.tsv", ["phrase", "role"], sorted(agents), UP_NOTICE[:2] + ["Nouns that name an agent and its CAMEO role (GOV, MIL, COP, REB, OPP, CVL, ...)."])

# ---- synsets
syn = []
name = None
for raw in open(os.path.join(up, "synsets.ar.txt"), encoding="utf-8"):
    line = raw.strip()
    if line.startswith("&"):
        name = line.split()[0]
    elif line.startswith("+") and name:
        syn.append((name, line[1:].strip("_").replace("_", " ")))
write("synsets_ar.tsv", ["synset", "member"], sorted(set(syn)), UP_NOTICE[:2] + ["Synonym sets used by the verb patterns (&CURRENCY, &WEAPON, ...)."])

# ---- CAMEO -> PLOVER
rows = []
for raw in open(os.path.join(shared, "plover", "CAMEO2PLOVER-2021.txt"), encoding="utf-8"):
    line = raw.rstrip("\n")
    m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),([^#]*)#\s*(.*)$", line)
    if not m:
        continue
    code, plover, mode, context, desc = (x.strip() for x in m.groups())
    context = re.sub(r"\s*;\s*", ";", context)
    desc = desc.split("21.09.17")[0].strip()
    rows.append((code, plover, mode.replace(" ", ""), context, desc))
# CAMEO 02 (appeal) is not in the 2021 table; PLOVER folds appeals into REQUEST. Added by Rasid.
extra = [("020", "REQUEST", "", "", "Make an appeal or request (Rasid: CAMEO 02 folded into PLOVER REQUEST)"),
         ("021", "REQUEST", "assist", "", "Appeal for material cooperation (Rasid)"),
         ("022", "REQUEST", "assist", "diplomatic", "Appeal for diplomatic cooperation (Rasid)"),
         ("023", "REQUEST", "assist", "", "Appeal for aid (Rasid)"),
         ("0233", "REQUEST", "assist", "humanitarian", "Appeal for humanitarian aid (Rasid)"),
         ("0234", "REQUEST", "assist", "peacekeeping", "Appeal for military protection or peacekeeping (Rasid)"),
         ("024", "REQUEST", "change", "political_institutions", "Appeal for political reform (Rasid)"),
         ("025", "REQUEST", "yield", "", "Appeal to yield (Rasid)"),
         ("026", "REQUEST", "meet", "diplomatic", "Appeal to others to meet or negotiate (Rasid)"),
         ("027", "REQUEST", "meet", "diplomatic", "Appeal to others to settle dispute (Rasid)"),
         ("028", "REQUEST", "meet", "diplomatic", "Appeal to others to engage in or accept mediation (Rasid)")]
have = {r[0] for r in rows}
rows += [e for e in extra if e[0] not in have]
seen = set()
final = []
for r in rows:
    if r[0] in seen:
        continue
    seen.add(r[0])
    final.append(r)
final.sort(key=lambda r: (r[0][:2], r[0]))
write("cameo_plover.tsv", ["cameo", "plover", "mode", "context", "description"], final,
      ["Converted by training/events/convert_dictionaries.py from CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8,",
       "Open Event Data Alliance, CC BY-SA 4.0; see data/events/NOTICE.md). Rows marked (Rasid) are additions.",
       "This file is therefore CC BY-SA 4.0."])
print("ok")
