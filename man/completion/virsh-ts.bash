# bash completion for virsh-ts (generated from the command registry: scripts/gen-man.mjs)
_virsh_ts() {
    local cur=${COMP_WORDS[COMP_CWORD]} i=1 cmd=0 word
    local -a conn=()
    local commands="attach-device attach-disk attach-interface autostart blkdeviotune blkiotune blockcommit blockcopy blockjob blockpull blockresize change-media console cpu-stats create define desc destroy detach-device detach-device-alias detach-disk detach-interface domdisplay domfsfreeze domfsthaw domfsinfo domfstrim domhostname domid domif-setlink domiftune domjobabort domjobinfo domlaunchsecinfo domsetlaunchsecstate domname domrename dompmsuspend dompmwakeup domuuid domxml-from-native domxml-to-native dump dumpxml edit get-user-sshkeys inject-nmi iothreadinfo iothreadpin iothreadadd iothreadset iothreaddel send-key send-process-signal lxc-enter-namespace managedsave managedsave-remove managedsave-edit managedsave-dumpxml managedsave-define memtune perf metadata migrate migrate-setmaxdowntime migrate-getmaxdowntime migrate-compcache migrate-setspeed migrate-getspeed migrate-postcopy numatune qemu-attach qemu-monitor-command qemu-monitor-event qemu-agent-command guest-agent-timeout reboot reset restore resume save save-image-define save-image-dumpxml save-image-edit schedinfo screenshot set-lifecycle-action set-user-sshkeys set-user-password setmaxmem setmem setvcpus shutdown start suspend ttyconsole undefine update-device update-memory-device vcpucount vcpuinfo vcpupin emulatorpin vncdisplay guestvcpus setvcpu domblkthreshold guestinfo domdirtyrate-calc dom-fd-associate domblkerror domblkinfo domblklist domblkstat domcontrol domif-getlink domifaddr domiflist domifstat dominfo dommemstat domstate domstats domtime list event allocpages capabilities cpu-baseline cpu-compare cpu-models domcapabilities freecell freepages hostname hypervisor-cpu-baseline hypervisor-cpu-compare maxvcpus node-memory-tune nodecpumap nodecpustats nodeinfo nodememstats nodesevinfo nodesuspend sysinfo uri version checkpoint-create checkpoint-create-as checkpoint-delete checkpoint-dumpxml checkpoint-edit checkpoint-info checkpoint-list checkpoint-parent iface-begin iface-bridge iface-commit iface-define iface-destroy iface-dumpxml iface-edit iface-list iface-mac iface-name iface-rollback iface-start iface-unbridge iface-undefine nwfilter-define nwfilter-dumpxml nwfilter-edit nwfilter-list nwfilter-undefine nwfilter-binding-create nwfilter-binding-delete nwfilter-binding-dumpxml nwfilter-binding-list net-autostart net-create net-define net-destroy net-dhcp-leases net-dumpxml net-edit net-event net-info net-list net-name net-start net-undefine net-update net-uuid net-port-list net-port-create net-port-dumpxml net-port-delete nodedev-create nodedev-destroy nodedev-detach nodedev-dumpxml nodedev-list nodedev-reattach nodedev-reset nodedev-event nodedev-define nodedev-undefine nodedev-start nodedev-autostart nodedev-info secret-define secret-dumpxml secret-event secret-get-value secret-list secret-set-value secret-undefine snapshot-create snapshot-create-as snapshot-current snapshot-delete snapshot-dumpxml snapshot-edit snapshot-info snapshot-list snapshot-parent snapshot-revert backup-begin backup-dumpxml find-storage-pool-sources-as find-storage-pool-sources pool-autostart pool-build pool-create-as pool-create pool-define-as pool-define pool-delete pool-destroy pool-dumpxml pool-edit pool-info pool-list pool-name pool-refresh pool-start pool-undefine pool-uuid pool-event pool-capabilities vol-clone vol-create-as vol-create vol-create-from vol-delete vol-download vol-dumpxml vol-info vol-key vol-list vol-name vol-path vol-pool vol-resize vol-upload vol-wipe cd echo exit help pwd quit connect"
    local options="-c --connect -d --debug -e --escape -h --help -k --keepalive-interval -K --keepalive-count -l --log --no-color -q --quiet -r --readonly -t --timing -v -V --version"
    while [ $i -lt $COMP_CWORD ]; do
        word=${COMP_WORDS[i]}
        case "$word" in
            -c|--connect) conn+=(-c "${COMP_WORDS[i+1]}"); i=$((i + 2)); continue ;;
            -r|--readonly) conn+=(-r) ;;
            -c|--connect|-d|--debug|-e|--escape|-k|--keepalive-interval|-K|--keepalive-count|-l|--log) i=$((i + 1)) ;;
            -*) ;;
            *) cmd=$i; break ;;
        esac
        i=$((i + 1))
    done
    if [ $cmd -eq 0 ]; then
        case "$cur" in
            -*) COMPREPLY=($(compgen -W "$options" -- "$cur")) ;;
            *) COMPREPLY=($(compgen -W "$commands" -- "$cur")) ;;
        esac
        return 0
    fi
    local IFS=$'\n'
    COMPREPLY=($("${COMP_WORDS[0]}" "${conn[@]}" -q complete -- "${COMP_WORDS[@]:cmd:COMP_CWORD-cmd+1}" 2>/dev/null))
    # --json is virsh-ts's own option, which virsh's `complete` does not offer
    case " list dominfo domstate domblklist domiflist nodeinfo version net-list net-info pool-list pool-info vol-list vol-info snapshot-list checkpoint-list iface-list nodedev-list secret-list " in
        *" ${COMP_WORDS[cmd]} "*)
            [[ $cur == -* && --json == "$cur"* && " ${COMP_WORDS[*]} " != *" --json "* ]] && COMPREPLY+=(--json) ;;
    esac
    return 0
}
complete -o default -o filenames -F _virsh_ts virsh-ts
