output "target_public_ip" {
  description = "Public address of the target (SSH only; port 8080 is open to cluster members only)."
  value       = aws_instance.target.public_ip
}

output "target_private_ip" {
  description = "Private address of the target: the --base of every sweep."
  value       = aws_instance.target.private_ip
}

output "agent_public_ips" {
  description = "Public addresses of the agents, by index."
  value       = aws_instance.agent[*].public_ip
}

output "agent_private_ips" {
  description = "Private addresses of the agents (their Hazelcast members are IP:5701)."
  value       = aws_instance.agent[*].private_ip
}

output "coordinator_public_ip" {
  description = "Public address of the coordinator, which also runs Prometheus and Grafana."
  value       = aws_instance.coordinator.public_ip
}

output "coordinator_private_ip" {
  description = "Private address of the coordinator."
  value       = aws_instance.coordinator.private_ip
}

output "grafana_url" {
  description = "Grafana on the coordinator (anonymous viewing; log in as admin with grafana_admin_password to edit)."
  value       = "http://${aws_instance.coordinator.public_ip}:3000"
}

output "grafana_admin_password" {
  description = "Password of Grafana's admin user: terraform output -raw grafana_admin_password."
  value       = random_password.grafana_admin.result
  sensitive   = true
}

output "prometheus_url" {
  description = "Prometheus on the coordinator."
  value       = "http://${aws_instance.coordinator.public_ip}:9090"
}

output "coordinator_metrics_url" {
  description = "The coordinator's own /metrics."
  value       = "http://${aws_instance.coordinator.public_ip}:9470/metrics"
}

output "ssh_commands" {
  description = "SSH into each host (add -i KEY_FILE for the key pair's private key unless your ssh agent has it)."
  value = merge(
    {
      coordinator = "ssh ${local.ssh_user}@${aws_instance.coordinator.public_ip}"
      target      = "ssh ${local.ssh_user}@${aws_instance.target.public_ip}"
    },
    { for i, agent in aws_instance.agent : "agent-${i}" => "ssh ${local.ssh_user}@${agent.public_ip}" },
  )
}

output "bootstrap_wait_command" {
  description = "Waits until the coordinator's first-boot bootstrap (packages, build, services) has finished, a few minutes after apply."
  value       = "ssh ${local.ssh_user}@${aws_instance.coordinator.public_ip} cloud-init status --wait"
}

output "sweep_command" {
  description = "Runs sweeps/quick.yaml on the cluster against the target: the sweep is submitted to the long-lived coordinator (LOADGRID_COORDINATOR in /etc/environment) and its output streams back."
  value       = "ssh -t ${local.ssh_user}@${aws_instance.coordinator.public_ip} 'cd /opt/loadgrid && loadgrid sweep sweeps/quick.yaml --base http://${aws_instance.target.private_ip}:8080'"
}
