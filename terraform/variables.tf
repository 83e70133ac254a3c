# Required on purpose (no default): admin_cidr, key_name, loadgrid_repo_url. There is no safe guess for any of
# them, and an "open to the world" default for admin_cidr is exactly what this configuration must never have.

variable "region" {
  description = "AWS region to deploy into."
  type        = string
  default     = "us-east-1"
}

variable "admin_cidr" {
  description = "IPv4 CIDR allowed to reach SSH, Grafana (3000), Prometheus (9090) and the coordinator's /metrics (9470), e.g. your address as 203.0.113.7/32 (curl -s https://checkip.amazonaws.com). Required: there is no default, and prefixes shorter than /8 (such as 0.0.0.0/0) are refused."
  type        = string

  validation {
    # try() because split()[1] fails on input without a prefix; that input is invalid anyway.
    condition     = can(cidrnetmask(var.admin_cidr)) && try(tonumber(split("/", var.admin_cidr)[1]) >= 8, false)
    error_message = "admin_cidr must be an IPv4 CIDR with a prefix of /8 or longer, e.g. 203.0.113.7/32; 0.0.0.0/0 is not allowed."
  }
}

variable "key_name" {
  description = "Name of an existing EC2 key pair in the region, installed for the 'ubuntu' user on every instance. Required."
  type        = string
}

variable "loadgrid_repo_url" {
  description = "Git URL every instance clones loadgrid from; it must be readable without credentials (e.g. a public https URL). Required."
  type        = string
}

variable "loadgrid_ref" {
  description = "Branch, tag or commit of loadgrid_repo_url to check out and build."
  type        = string
  default     = "main"
}

variable "cluster_name" {
  description = "Hazelcast cluster name of the agents and the coordinator; also the prefix of every AWS resource name."
  type        = string
  default     = "loadgrid"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,30}$", var.cluster_name))
    error_message = "cluster_name must be lower-case letters, digits and dashes, starting with a letter, at most 31 characters."
  }
}

variable "agent_count" {
  description = "Number of agent instances."
  type        = number
  default     = 2

  validation {
    # Agents take host numbers 100.. of the subnet (see local.agent_ips); 50 keeps them inside a /24.
    condition     = var.agent_count >= 1 && var.agent_count <= 50 && floor(var.agent_count) == var.agent_count
    error_message = "agent_count must be a whole number from 1 to 50."
  }
}

variable "instance_type" {
  description = "EC2 instance type of every role (the seed benchmarks used c5.large: 2 vCPU, 4 GiB)."
  type        = string
  default     = "c5.large"
}

variable "dedicated_tenancy" {
  description = "Run every instance on single-tenant hardware (tenancy = dedicated), as the seed setup did, so other customers' load cannot skew the numbers. Costs extra, see README.md."
  type        = bool
  default     = false
}

variable "target_latency_ms" {
  description = "Emulated latency of every target response, in milliseconds (loadgrid target --latency)."
  type        = number
  default     = 20
}

variable "vpc_cidr" {
  description = "CIDR of the VPC created for the cluster."
  type        = string
  default     = "10.42.0.0/16"
}

variable "subnet_cidr" {
  description = "CIDR of the public subnet inside vpc_cidr; /24 or larger, since the instances get fixed host numbers up to 149 in it."
  type        = string
  default     = "10.42.1.0/24"

  validation {
    condition     = can(cidrnetmask(var.subnet_cidr)) && try(tonumber(split("/", var.subnet_cidr)[1]) <= 24, false)
    error_message = "subnet_cidr must be an IPv4 CIDR of /24 or larger."
  }
}

variable "root_volume_gb" {
  description = "Root volume size of every instance in GiB (JDK, Maven repository, build, results, Prometheus data)."
  type        = number
  default     = 20
}
