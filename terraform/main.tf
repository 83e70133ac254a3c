provider "aws" {
  region = var.region

  # Every resource carries these, so the whole deployment can be found (and its cost attributed) by tag.
  default_tags {
    tags = {
      Project = "loadgrid"
      Cluster = var.cluster_name
    }
  }
}

# Official Ubuntu 24.04 images from Canonical's account: Ubuntu's own archive has openjdk-21 and Maven,
# so building and running loadgrid needs no third-party apt repository (only Grafana does).
data "aws_ami" "ubuntu" {
  most_recent = true
  owners      = ["099720109477"] # Canonical

  filter {
    name   = "name"
    values = ["ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"]
  }

  filter {
    name   = "virtualization-type"
    values = ["hvm"]
  }
}

# Not every zone offers every instance type (c5 is missing in some), so pick a zone that offers ours.
data "aws_ec2_instance_type_offerings" "zones" {
  location_type = "availability-zone"

  filter {
    name   = "instance-type"
    values = [var.instance_type]
  }
}

locals {
  availability_zone = sort(data.aws_ec2_instance_type_offerings.zones.locations)[0]

  # Fixed private addresses, known before any instance exists. Every member's --join list needs the others'
  # addresses in its user data; with DHCP-assigned addresses that would be a dependency cycle between the
  # instances. AWS reserves host numbers 0-3 of a subnet, so these start at 10.
  coordinator_ip = cidrhost(var.subnet_cidr, 10)
  target_ip      = cidrhost(var.subnet_cidr, 20)
  agent_ips      = [for i in range(var.agent_count) : cidrhost(var.subnet_cidr, 100 + i)]

  # Hazelcast's first port; members auto-increment from it, which is why 5701-5720 are open in the group.
  agent_members = join(",", [for ip in local.agent_ips : "${ip}:5701"])

  ssh_user = "ubuntu"

  # The same bootstrap on every host: packages, a 'loadgrid' user, the checkout and one build.
  # Each role's script (templates/<role>.sh.tftpl) is appended to it.
  install_script = templatefile("${path.module}/templates/install.sh.tftpl", {
    repo_url = var.loadgrid_repo_url
    ref      = var.loadgrid_ref
  })
}

# The shared secret that signs plans and authenticates members (at least 16 bytes, see ClusterOptions).
# It ends up in the Terraform state and in the agents' and coordinator's user data; see README.md.
resource "random_password" "cluster_secret" {
  length  = 48
  special = false
}

resource "random_password" "grafana_admin" {
  length  = 24
  special = false
}
