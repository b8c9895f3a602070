# Sourced by the test runners that share the machine's processors
# (tests/golden/run.sh, tests/scripts/alloc_sweep.sh).
#
# in_groups LIST DIR JOBS FUNC: calls `FUNC ITEM DIR/gN` for every line
# ITEM of the file LIST, in JOBS background groups, group N taking a
# contiguous slice of LIST, so that the groups' logs read one after the
# other keep LIST's order. Group N's output goes to DIR/gN/log; FUNC
# appends its verdicts to DIR/gN/results (created empty). Waits for every
# group, then sets ngroups.
in_groups() {
    _g_list=$1 _g_dir=$2 _g_jobs=$3 _g_func=$4
    _g_total=$(wc -l <"$_g_list")
    _g_per=$(( (_g_total + _g_jobs - 1) / _g_jobs ))
    [ "$_g_per" -gt 0 ] || _g_per=1
    ngroups=0
    while [ $((ngroups * _g_per)) -lt "$_g_total" ]; do
        mkdir -p "$_g_dir/g$ngroups" && : >"$_g_dir/g$ngroups/results"
        sed -n "$((ngroups * _g_per + 1)),$(((ngroups + 1) * _g_per))p" "$_g_list" |
            while IFS= read -r _g_item; do
                "$_g_func" "$_g_item" "$_g_dir/g$ngroups"
            done >"$_g_dir/g$ngroups/log" 2>&1 &
        ngroups=$((ngroups + 1))
    done
    wait
}
