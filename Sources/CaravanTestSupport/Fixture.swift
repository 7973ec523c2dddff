import CaravanKit
