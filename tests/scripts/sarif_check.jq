# sarif_check.jq — a structural check of a SARIF 2.1.0 log, for the subset
# of the format cdgrules emits: every object has only the properties the
# OASIS schema (sarif-schema-2.1.0.json) allows it ("additionalProperties":
# false), every required property, and the types, enums and minimums of the
# schema. The official schema is not packaged for Debian and CI has no
# network, so its rules for these objects are transcribed here.
# Prints one line per problem; nothing when the log is valid.
def only($path; $allowed):
  (keys - $allowed)[] | "\($path): property '\(.)' is not allowed here";
def need($path; $required):
  $required[] as $k | select(has($k) | not) | "\($path): required property '\($k)' is missing";
def int_min($path; $k; $min):
  if has($k) then
    if (.[$k] | type) != "number" or (.[$k] | floor) != .[$k] then "\($path).\($k): not an integer"
    elif .[$k] < $min then "\($path).\($k): below \($min)" else empty end
  else empty end;
def message($path):
  if type != "object" then "\($path): not an object" else
    only($path; ["text","markdown","id","arguments","properties"]),
    (if has("text") or has("id") then empty else "\($path): needs text or id" end),
    (if has("text") and (.text | type) != "string" then "\($path).text: not a string" else empty end)
  end;
def uri($path):
  if type != "string" then "\($path): not a string"
  elif test("^([A-Za-z][A-Za-z0-9+.-]*:)?[A-Za-z0-9._~/%!$&'()*+,;=:@-]*$") | not then "\($path): not a URI reference: \(.)"
  else empty end;
def region($path):
  only($path; ["startLine","startColumn","endLine","endColumn","charOffset","charLength","byteOffset","byteLength","snippet","message","sourceLanguage","properties"]),
  int_min($path; "startLine"; 1), int_min($path; "startColumn"; 1),
  int_min($path; "endLine"; 1), int_min($path; "endColumn"; 1),
  (if has("startLine") | not then "\($path): startLine missing (cdgrules always gives it)" else empty end),
  (if has("endLine") and .endLine < .startLine then "\($path): endLine before startLine" else empty end),
  (if (has("endLine") | not) and has("endColumn") and .endColumn <= .startColumn then "\($path): empty region" else empty end);
def physical($path):
  only($path; ["address","artifactLocation","region","contextRegion","properties"]),
  (if has("artifactLocation") then
     (.artifactLocation | only("\($path).artifactLocation"; ["uri","uriBaseId","index","description","properties"]),
                          (.uri | uri("\($path).artifactLocation.uri")))
   else "\($path): artifactLocation missing" end),
  (if has("region") then (.region | region("\($path).region")) else empty end);
def location($path):
  only($path; ["id","physicalLocation","logicalLocations","message","annotations","relationships","properties"]),
  int_min($path; "id"; -1),
  (if has("message") then (.message | message("\($path).message")) else empty end),
  (if has("physicalLocation") then (.physicalLocation | physical("\($path).physicalLocation")) else empty end);
def result($path):
  only($path; ["ruleId","ruleIndex","rule","kind","level","message","analysisTarget","locations","guid","correlationGuid","occurrenceCount","partialFingerprints","fingerprints","stacks","codeFlows","graphs","graphTraversals","relatedLocations","suppressions","baselineState","rank","attachments","hostedViewerUri","workItemUris","provenance","fixes","taxa","webRequest","webResponse","properties"]),
  need($path; ["message"]),
  (if has("level") and ([.level] | inside(["none","note","warning","error"]) | not) then "\($path).level: \(.level)" else empty end),
  (.message | message("\($path).message")),
  ((.locations // []) | to_entries[] | .key as $i | .value | location("\($path).locations[\($i)]")),
  ((.relatedLocations // []) | to_entries[] | .key as $i | .value | location("\($path).relatedLocations[\($i)]")),
  (if (.relatedLocations // []) | map(.id) | (length != (unique | length)) then "\($path).relatedLocations: ids not unique" else empty end);
def run($path):
  only($path; ["tool","invocations","conversion","language","versionControlProvenance","originalUriBaseIds","artifacts","logicalLocations","graphs","results","automationDetails","runAggregates","baselineGuid","redactionTokens","defaultEncoding","defaultSourceLanguage","newlineSequences","columnKind","externalPropertyFileReferences","threadFlowLocations","taxonomies","addresses","translations","policies","webRequests","webResponses","specialLocations","properties"]),
  need($path; ["tool"]),
  (.tool | only("\($path).tool"; ["driver","extensions","properties"]), need("\($path).tool"; ["driver"]),
     (.driver | only("\($path).tool.driver"; ["guid","name","organization","product","productSuffix","version","semanticVersion","dottedQuadFileVersion","releaseDateUtc","downloadUri","informationUri","globalMessageStrings","notifications","rules","taxa","locations","language","contents","isComprehensive","localizedDataSemanticVersion","minimumRequiredLocalizedDataSemanticVersion","associatedComponent","translationMetadata","supportedTaxonomies","fullName","shortDescription","fullDescription","properties"]),
                need("\($path).tool.driver"; ["name"]),
                (if (.name | type) != "string" then "\($path).tool.driver.name: not a string" else empty end))),
  (if has("columnKind") and ([.columnKind] | inside(["utf16CodeUnits","unicodeCodePoints"]) | not) then "\($path).columnKind: \(.columnKind)" else empty end),
  (if has("results") and (.results | type) != "array" then "\($path).results: not an array" else empty end),
  ((.results // []) | to_entries[] | .key as $i | .value | result("\($path).results[\($i)]")),
  ((.invocations // []) | to_entries[] | .key as $i | .value |
     (only("\($path).invocations[\($i)]"; ["commandLine","arguments","responseFiles","startTimeUtc","endTimeUtc","exitCode","ruleConfigurationOverrides","notificationConfigurationOverrides","toolExecutionNotifications","toolConfigurationNotifications","exitCodeDescription","exitSignalName","exitSignalNumber","processStartFailureMessage","executionSuccessful","machine","account","processId","executableLocation","workingDirectory","environmentVariables","stdin","stdout","stderr","stdoutStderr","properties"]),
      need("\($path).invocations[\($i)]"; ["executionSuccessful"]),
      (if (.executionSuccessful | type) != "boolean" then "\($path).invocations[\($i)].executionSuccessful: not a boolean" else empty end)));
if type != "object" then "log: not an object" else
  only("log"; ["$schema","version","runs","inlineExternalProperties","properties"]),
  need("log"; ["version","runs"]),
  (if .version != "2.1.0" then "log.version: \(.version)" else empty end),
  (if (.runs | type) != "array" then "log.runs: not an array" else (.runs | to_entries[] | .key as $i | .value | run("runs[\($i)]")) end)
end
