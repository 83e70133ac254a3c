# One target, var.agent_count agents and one coordinator (which also runs Prometheus and Grafana), all alike:
# same image, type, tenancy and subnet, each with a fixed private address from main.tf's locals.
#
# user_data runs once, at first boot, as root (cloud-init; log in /var/log/cloud-init-output.log). Changing it
# (a new loadgrid_ref, a different agent count) therefore replaces the instance instead of silently doing nothing.

locals {
  tenancy = var.dedicated_tenancy ? "dedicated" : "default"
}

resource "aws_instance" "target" {
  ami                         = data.aws_ami.ubuntu.id
  instance_type               = var.instance_type
  tenancy                     = local.tenancy
  key_name                    = var.key_name
  subnet_id                   = aws_subnet.public.id
  private_ip                  = local.target_ip
  vpc_security_group_ids      = [aws_security_group.cluster.id, aws_security_group.admin.id]
  user_data_replace_on_change = true

  user_data = join("\n", [local.install_script, templatefile("${path.module}/templates/target.sh.tftpl", {
    latency_ms = var.target_latency_ms
  })])

  metadata_options {
    http_tokens = "required" # IMDSv2 only
  }

  root_block_device {
    volume_type = "gp3"
    volume_size = var.root_volume_gb
  }

  # A newer Ubuntu image must not replace a running cluster on the next apply; -replace does it on purpose.
  lifecycle {
    ignore_changes = [ami]
  }

  tags = { Name = "${var.cluster_name}-target", Role = "target" }
}

resource "aws_instance" "agent" {
  count = var.agent_count

  ami                         = data.aws_ami.ubuntu.id
  instance_type               = var.instance_type
  tenancy                     = local.tenancy
  key_name                    = var.key_name
  subnet_id                   = aws_subnet.public.id
  private_ip                  = local.agent_ips[count.index]
  vpc_security_group_ids      = [aws_security_group.cluster.id, aws_security_group.admin.id]
  user_data_replace_on_change = true

  # Agents join the coordinator and each other; they refuse every target but ours (--allow-target).
  user_data = join("\n", [local.install_script, templatefile("${path.module}/templates/agent.sh.tftpl", {
    expected_ip  = local.agent_ips[count.index]
    join         = "${local.coordinator_ip}:5701,${local.agent_members}"
    cluster_name = var.cluster_name
    secret       = random_password.cluster_secret.result
    target_ip    = local.target_ip
  })])

  metadata_options {
    http_tokens = "required"
  }

  root_block_device {
    volume_type = "gp3"
    volume_size = var.root_volume_gb
  }

  lifecycle {
    ignore_changes = [ami]
  }

  tags = { Name = "${var.cluster_name}-agent-${count.index}", Role = "agent" }
}

resource "aws_instance" "coordinator" {
  ami                         = data.aws_ami.ubuntu.id
  instance_type               = var.instance_type
  tenancy                     = local.tenancy
  key_name                    = var.key_name
  subnet_id                   = aws_subnet.public.id
  private_ip                  = local.coordinator_ip
  vpc_security_group_ids      = [aws_security_group.cluster.id, aws_security_group.admin.id]
  user_data_replace_on_change = true

  user_data = join("\n", [local.install_script, templatefile("${path.module}/templates/coordinator.sh.tftpl", {
    expected_ip      = local.coordinator_ip
    join             = local.agent_members
    cluster_name     = var.cluster_name
    secret           = random_password.cluster_secret.result
    grafana_password = random_password.grafana_admin.result
    prometheus_yml = templatefile("${path.module}/templates/prometheus.yml.tftpl", {
      target = "${local.target_ip}:8080"
    })
  })])

  metadata_options {
    http_tokens = "required"
  }

  root_block_device {
    volume_type = "gp3"
    volume_size = var.root_volume_gb
  }

  lifecycle {
    ignore_changes = [ami]
  }

  tags = { Name = "${var.cluster_name}-coordinator", Role = "coordinator" }
}
