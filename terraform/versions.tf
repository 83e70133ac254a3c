terraform {
  # The floor the project supports; nothing here needs a newer release.
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
    # Generates the cluster's shared secret and the Grafana admin password, so nobody has to invent them.
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }
}
