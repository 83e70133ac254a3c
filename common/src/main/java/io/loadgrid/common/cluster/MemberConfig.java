package io.loadgrid.common.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MergePolicyConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.QueueConfig;
import com.hazelcast.spi.merge.DiscardMergePolicy;
import java.util.Map;

/** The one Hazelcast configuration of every loadgrid member: explicit TCP-IP join, fast failure detection. */
public final class MemberConfig {
    /** How long a member may be silent before the others drop it: a killed or cut-off agent is lost this soon. */
    public static final int MAX_NO_HEARTBEAT_S = 5;

    private MemberConfig() {}

    public static Config of(ClusterSettings s, boolean lite, Map<String, String> attributes) {
        Config c = new Config().setClusterName(s.clusterName()).setLiteMember(lite);
        c.setProperty("hazelcast.logging.type", "none");
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.shutdownhook.enabled", "false");
        // a killed agent must be noticed within seconds, not the default minute
        c.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        c.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(MAX_NO_HEARTBEAT_S));
        // an agent whose host was cut off and is back rejoins within seconds, not the default five minutes; what
        // its side of the split wrote meanwhile is dropped (DiscardMergePolicy keeps the larger side's entries only):
        // it was lost, its chunks were run by others, and a stale plan or report must not come back with it
        c.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
        c.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
        // a coordinator holds data when it joins agents: leaving while one of them is out of reach must not wait for
        // migrations the default ten minutes
        c.setProperty("hazelcast.graceful.shutdown.max.wait", "20");
        MergePolicyConfig discard = new MergePolicyConfig().setPolicy(DiscardMergePolicy.class.getName());
        c.addMapConfig(new MapConfig(ClusterNames.PREFIX + "*").setMergePolicyConfig(discard));
        c.addQueueConfig(new QueueConfig(ClusterNames.PREFIX + "*").setMergePolicyConfig(discard));
        c.getJetConfig().setEnabled(false);
        NetworkConfig net = c.getNetworkConfig()
                .setPort(s.port())
                .setPortAutoIncrement(true)
                .setPortCount(20);
        // bind only to the configured interface
        net.getInterfaces().setEnabled(true).addInterface(s.bindHost());
        c.setProperty("hazelcast.socket.bind.any", "false");
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig()
                .setEnabled(true)
                .setMembers(s.join().isEmpty() ? java.util.List.of(s.bindHost()) : s.join());
        attributes.forEach(c.getMemberAttributeConfig()::setAttribute);
        // entry processors change a run's chunk book in place rather than decoding and encoding it per operation
        c.addMapConfig(new MapConfig(ClusterNames.BOOKS)
                .setInMemoryFormat(InMemoryFormat.OBJECT)
                .setMergePolicyConfig(discard));
        return c;
    }
}
