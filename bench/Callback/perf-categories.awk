# Groups a flat perf profile (perf report --no-children --sort dso,symbol -g none) of ChatPost into where the time
# goes: the kernel's network stack and scheduler, the runtime, and JIT-compiled code by assembly.
#   perf report ... | awk -f perf-categories.awk
/^ *[0-9.]+%/ {
  pct = $1; sub(/%/, "", pct); line = $0
  if (line ~ /\[kernel\.kallsyms\]/) {
    if (line ~ /finish_task_switch|schedule|futex|_raw_spin_unlock_irq|try_to_wake_up|sched_|pick_next|update_curr|enqueue|dequeue|ttwu|select_task|idle/) cat = "kernel: scheduler, wake-ups, futexes"
    else if (line ~ /tcp|ip_|skb|net_|sock|__sys_send|__sys_recv|sendto|recvfrom|recvmsg|sendmsg|loopback|dev_|__napi|rx_|tx_|nf_|inet|bbr|sk_|__x64_sys_read|__x64_sys_write|epoll|ep_/) cat = "kernel: TCP loopback, sockets, epoll"
    else cat = "kernel: syscalls, other"
  }
  else if (line ~ /libcoreclr\.so/) cat = "runtime (libcoreclr: GC, allocation, thread pool, casts, stubs)"
  else if (line ~ /libclrjit\.so/) cat = "JIT compiler"
  else if (line ~ /libcrypto|Cryptography/) cat = "OpenSSL (AES, SHA-1, random)"
  else if (line ~ /libicu/) cat = "ICU (culture-aware string work)"
  else if (line ~ /libc\.so|ld-linux|vdso|libSystem\.Native|libstdc/) cat = "libc, loader, System.Native"
  else if (line ~ /\[JIT\]|perf-[0-9]+\.map|memfd:doublemapper/) {
    if (line ~ /\[StackExchange\.Redis\]|\[RESPite\]|\[Pipelines\.Sockets/) cat = "managed: StackExchange.Redis client"
    else if (line ~ /\[Newtonsoft\.Json\]/) cat = "managed: Newtonsoft.Json (Bot Builder state)"
    else if (line ~ /\[Microsoft\.Bot\./) cat = "managed: Bot Builder"
    else if (line ~ /\[Microsoft\.AspNetCore|\[Microsoft\.Extensions\.Primitives|\[Microsoft\.Net\.Http\.Headers/) cat = "managed: ASP.NET Core, Kestrel"
    else if (line ~ /\[OpenTelemetry|\[System\.Diagnostics\.DiagnosticSource/) cat = "managed: OpenTelemetry, metrics"
    else if (line ~ /\[Microsoft\.Extensions\.Logging|\[Microsoft\.Extensions\.Telemetry/) cat = "managed: logging"
    else if (line ~ /\[ChatPost\./) cat = "managed: ChatPost (Bot, Bot.Dialogs)"
    else if (line ~ /\[System\.Private\.Xml\]/) cat = "managed: System.Xml"
    else if (line ~ /\[System\.Text\.Json\]/) cat = "managed: System.Text.Json"
    else if (line ~ /\[System\.Net\.Sockets\]|\[System\.IO\.Pipelines\]/) cat = "managed: sockets, pipelines"
    else if (line ~ /Threading|Task|AsyncStateMachine|AsyncTaskMethodBuilder|ExecutionContext|ThreadPool|Timer/) cat = "managed: BCL async, tasks, thread pool, timers"
    else if (line ~ /\[System\.Private\.CoreLib\]|\[System\.Collections|\[System\.Linq|\[System\.Runtime|\[System\.Memory/) cat = "managed: BCL other (strings, collections, casts)"
    else cat = "managed: other or unnamed stubs"
  }
  else cat = "other"
  total[cat] += pct; all += pct
}
END {
  for (c in total) printf "%6.1f%%  %s\n", total[c], c | "sort -rn"
  close("sort -rn")
  printf "%6.1f%%  (sum of the samples listed)\n", all
}
