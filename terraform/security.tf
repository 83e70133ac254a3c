# Two groups. "cluster" (every instance): members reach each other, nobody else does. "admin": the few ports
# a person needs, only from var.admin_cidr. Rules are separate resources (AWS provider 5 style), one per port.

resource "aws_security_group" "cluster" {
  name        = "${var.cluster_name}-cluster"
  description = "loadgrid members: Hazelcast and the target, only from inside this group"
  vpc_id      = aws_vpc.this.id
}

# Hazelcast: 5701, auto-incremented up to +19 when taken. Self-referencing, so no CIDR can ever join.
resource "aws_vpc_security_group_ingress_rule" "hazelcast" {
  security_group_id            = aws_security_group.cluster.id
  referenced_security_group_id = aws_security_group.cluster.id
  ip_protocol                  = "tcp"
  from_port                    = 5701
  to_port                      = 5720
  description                  = "Hazelcast between members"
}

# The target (load from the agents, /metrics scraped by Prometheus on the coordinator).
resource "aws_vpc_security_group_ingress_rule" "target_http" {
  security_group_id            = aws_security_group.cluster.id
  referenced_security_group_id = aws_security_group.cluster.id
  ip_protocol                  = "tcp"
  from_port                    = 8080
  to_port                      = 8080
  description                  = "target HTTP from members"
}

# Bootstrap downloads (apt, git, Maven Central, Grafana's apt repository) and any load target the agents may hit.
resource "aws_vpc_security_group_egress_rule" "cluster_all" {
  security_group_id = aws_security_group.cluster.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  description       = "all outbound"
}

resource "aws_security_group" "admin" {
  name        = "${var.cluster_name}-admin"
  description = "loadgrid: SSH, Grafana, Prometheus and coordinator metrics from the admin CIDR only"
  vpc_id      = aws_vpc.this.id
}

locals {
  # port => what it is; Grafana, Prometheus and 9470 only listen on the coordinator, SSH everywhere.
  admin_ports = {
    22   = "SSH"
    3000 = "Grafana"
    9090 = "Prometheus"
    9470 = "coordinator /metrics and sweep submission"
  }
}

resource "aws_vpc_security_group_ingress_rule" "admin" {
  for_each = local.admin_ports

  security_group_id = aws_security_group.admin.id
  cidr_ipv4         = var.admin_cidr
  ip_protocol       = "tcp"
  from_port         = each.key
  to_port           = each.key
  description       = "${each.value} from the admin CIDR"
}
