# jsonschema.jq — a JSON Schema validator for the subset of draft 2020-12
# that docs/dump-json-schema.json uses: $ref (to #/$defs/…), type, const,
# enum, minimum, required, properties, additionalProperties (false or a
# schema), items, anyOf. A schema keyword outside this subset is itself an
# error, so nothing is silently skipped.
# Usage: jq -r --slurpfile schema SCHEMA.json -f jsonschema.jq DOC.json
# Prints one line per violation (nothing when the document is valid).

def supported: ["$schema", "$id", "$ref", "$defs", "title", "description", "type", "const",
                "enum", "minimum", "required", "properties", "additionalProperties", "items", "anyOf"];

def typeok($t):
  if $t == "integer" then type == "number" and . == floor
  else type == $t end;

def errs($s; $root; $p):
  . as $x
  | ($s | keys - supported) as $unknown
  | if $unknown != [] then ["\($p): schema keyword(s) not supported: \($unknown | join(", "))"]
    elif $s | has("$ref") then errs($root["$defs"][$s["$ref"] | ltrimstr("#/$defs/")]; $root; $p)
    else
      [ if $s | has("type") then
          ($s.type | if type == "array" then . else [.] end) as $ts
          | if any($ts[]; . as $t | $x | typeok($t)) then empty
            else "\($p): expected \($ts | join(" or ")), found \($x | type)" end
        else empty end ]
      + [ if ($s | has("const")) and $s.const != $x then "\($p): expected \($s.const | tojson), found \($x | tojson)" else empty end ]
      + [ if ($s | has("enum")) and ([$s.enum[] | select(. == $x)] | length) == 0
          then "\($p): \($x | tojson) is not one of \($s.enum | tojson)" else empty end ]
      + [ if ($s | has("minimum")) and ($x | type) == "number" and $x < $s.minimum
          then "\($p): \($x) is below \($s.minimum)" else empty end ]
      + [ if $s | has("anyOf") then
            if any($s.anyOf[]; . as $b | ($x | errs($b; $root; $p)) == []) then empty
            else "\($p): matches none of anyOf" end
          else empty end ]
      + (if ($x | type) == "object" then
           [ ($s.required // [])[] | select(. as $k | $x | has($k) | not) | "\($p): missing key \(.)" ]
           + [ $x | to_entries[] | .key as $k | .value as $v
               | if ($s.properties // {}) | has($k) then ($v | errs($s.properties[$k]; $root; "\($p).\($k)"))[]
                 elif $s.additionalProperties == false then "\($p): unexpected key \($k)"
                 elif ($s.additionalProperties | type) == "object"
                 then ($v | errs($s.additionalProperties; $root; "\($p).\($k)"))[]
                 else empty end ]
         else [] end)
      + (if ($x | type) == "array" and ($s | has("items")) then
           [ range(0; $x | length) as $i | ($x[$i] | errs($s.items; $root; "\($p)[\($i)]"))[] ]
         else [] end)
    end;

$schema[0] as $root | errs($root; $root; "$")[]
